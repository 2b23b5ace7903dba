import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def warning = "[WARNING] memprobe: maven-surefire-plugin declares dependencies that memprobe's forks do not get:" +
        " it.memprobe:it-check-engine."

// 1 and 2: the engine built, then declared on memprobe's plugin too, as the README says: the checks run, no warning
def forward = new JsonSlurper().parse(new File(basedir, 'checks/target/memprobe-forward/report.json'))
assert forward.verdict == 'no-culprit' : forward.summary
assert forward.classes*.name.sort() == ['it.plugindep.FirstCheckTest', 'it.plugindep.SecondCheckTest']
assert forward.classes.every { it.outcome == 'passed' } : forward.classes
assert forward.classes.find { it.name == 'it.plugindep.FirstCheckTest' }.tests == 2
assert forward.classes.find { it.name == 'it.plugindep.SecondCheckTest' }.tests == 1

// 3: only on Surefire's plugin: warned once, in this invocation only; the fork finds no engine, and the error says
// what to declare instead of suspecting the heap
def third = log.lastIndexOf('--- memprobe:')
assert third > 0
assert log.count(warning) == 1 && log.indexOf(warning) > third
assert log.substring(third).contains("memprobe's first fork died before any test class started")
assert log.substring(third).contains("Declare maven-surefire-plugin's dependencies (it.memprobe:it-check-engine) on" +
        " memprobe-maven-plugin too: its forks do not get them.")
return true
