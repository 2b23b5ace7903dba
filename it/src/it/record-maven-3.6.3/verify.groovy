import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Apache Maven 3.6.3') || log.contains('maven-surefire-plugin:3.0.0:test')
// Maven 3.6.3 loaded the extension from components.xml: without it, nothing would be recorded, silently
assert log.contains('memprobe: recording surefire:test (default-test) (junit-platform)')
def postMortem = log.indexOf('memprobe post-mortem of surefire:test (default-test) (3 forks recorded)')
assert postMortem >= 0 && postMortem < log.indexOf('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.environment.surefireVersion == '3.0.0'
// reuseForks=false: a JVM per class, fork numbers repeat, journals do not overwrite each other
assert report.probes.size() == 3
def journals = new File(basedir, 'target/memprobe/record/surefire-default-test').listFiles().findAll { it.name.endsWith('.jsonl') }
assert journals.size() == 3
def dead = report.probes.findAll { it.outcome == 'died' }
assert dead.size() == 1 && dead[0].inFlight == 'it.old.HogTest' && dead[0].cause == 'heap-oom'
assert report.classes.findAll { it.outcome == 'passed' }*.name.sort() == ['it.old.AlphaTest', 'it.old.BetaTest']
return true
