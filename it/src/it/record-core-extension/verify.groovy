import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Maven resolves core extensions before it scans for projects: each run is the text from the version banner on
def runs = log.split(/(?m)^Apache Maven \d/).findAll { it.contains('BUILD') }
assert runs.size() == 3

def count = { String text, String words -> text.split(java.util.regex.Pattern.quote(words), -1).length - 1 }
def project = 'Extension realms for project it.memprobe:record-core-extension:jar:1.0: '
runs.take(2).eachWithIndex { run, i ->
    assert run.contains('BUILD SUCCESS')
    // the lean realm: memprobe's jars and Jackson, none of bisect's Surefire machinery, heap-dump reader or metrics
    def realm = (run =~ /(?s)Populating class realm coreExtension>dev\.memprobe:memprobe-maven-extension:[^\n]*\n((?:[^\n]*Included [^\n]*\n)+)/)
    assert realm.find() : "run ${i + 1}: no core extension realm of memprobe-maven-extension"
    def included = realm.group(1)
    assert included.contains('dev.memprobe:memprobe-maven-plugin located at')
    assert included.contains('dev.memprobe:memprobe-recorder located at')
    ['maven-surefire-common', 'shark-hprof', 'kotlin-stdlib', 'micrometer-core', 'doxia'].each {
        assert !included.contains(it) : "run ${i + 1}: the lean realm holds ${it}"
    }
    // one listener chained: the goal is edited once, one journal, one line at its end
    assert count(run, '[INFO] memprobe: recording surefire:test (default-test)') == 1 : "run ${i + 1} recorded ${count(run, '[INFO] memprobe: recording')} times"
    assert count(run, '[INFO] memprobe: recorded surefire:test (default-test): 1 fork, 2 classes') == 1
    assert !run.contains('[WARNING] memprobe')
}
// the first run had the core extension alone, the second the build extension as well
assert runs[0].contains(project + '(none)')
assert runs[1] =~ java.util.regex.Pattern.quote(project) + /\[ClassRealm\[extension>dev\.memprobe:memprobe-maven-plugin:/

// the third: the first class's fork halted; the post-mortem names the class in flight and the one it left unrun
def died = runs[2]
assert died.contains('died: killed by SIGKILL from outside (exit 137), while it.core.AlphaTest#adds ran')
assert died.contains('not run: it.core.BetaTest (1 class the death left unrun)') || died.contains('not run: it.core.BetaTest')
assert !died.contains('[WARNING] memprobe: cannot list the test classes')
assert died.indexOf('memprobe post-mortem') < died.indexOf('BUILD FAILURE')
def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.findings.find { it.kind == 'not-run' }.classes == ['it.core.BetaTest']
assert report.classes.find { it.name == 'it.core.AlphaTest' }.outcome != 'passed'
return true
