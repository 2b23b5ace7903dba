import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Maven resolves core extensions before it scans for projects: each run is the text from the version banner on
def runs = log.split(/(?m)^Apache Maven \d/).findAll { it.contains('BUILD') }
assert runs.size() == 2

def count = { String text, String words -> text.split(java.util.regex.Pattern.quote(words), -1).length - 1 }
def project = 'Extension realms for project it.memprobe:record-core-extension:jar:1.0: '
runs.eachWithIndex { run, i ->
    assert run.contains('BUILD SUCCESS')
    assert run.contains('Populating class realm coreExtension>dev.memprobe:memprobe-maven-plugin:')
    // one listener chained: the goal is edited once, one journal, one line at its end
    assert count(run, '[INFO] memprobe: recording surefire:test (default-test)') == 1 : "run ${i + 1} recorded ${count(run, '[INFO] memprobe: recording')} times"
    assert count(run, '[INFO] memprobe: recorded surefire:test (default-test): 1 fork, 2 classes') == 1
    assert !run.contains('[WARNING] memprobe: not recording') && !run.contains('[WARNING] memprobe: no post-mortem')
}
// the first run had the core extension alone, the second the build extension as well
assert runs[0].contains(project + '(none)')
assert runs[1] =~ java.util.regex.Pattern.quote(project) + /\[ClassRealm\[extension>dev\.memprobe:memprobe-maven-plugin:/

// the last run: one journal, each class once
def journals = new File(basedir, 'target/memprobe/record/surefire-default-test')
        .listFiles().findAll { it.name.startsWith('fork') && it.name.endsWith('.jsonl') }
assert journals.size() == 1
def starts = journals[0].readLines().collect { new JsonSlurper().parseText(it) }.findAll { it.event == 'class-start' }
assert starts*.get('class').sort() == ['it.core.AlphaTest', 'it.core.BetaTest']
def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.classes*.name.sort() == ['it.core.AlphaTest', 'it.core.BetaTest']
assert report.classes.every { it.outcome == 'passed' && it.heapPeakBytes > 0 }
return true
