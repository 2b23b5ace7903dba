import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Surefire picked junit47 for parallel, as without memprobe, and memprobe appended its listener to the project's
assert log.contains('Using auto detected provider org.apache.maven.surefire.junitcore.JUnitCoreProvider')
assert log.contains('memprobe: recording surefire:test (default-test) (junit47)')
assert log.contains('Tests run: 8, Failures: 0, Errors: 0, Skipped: 0')

// the project's own listener still ran and heard every test
def user = new File(basedir, 'target/user-listener.txt')
assert user.exists() : 'the project\'s listener did not run'
assert user.text.contains('finished=8')

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.verdict == 'no-culprit'
assert report.classes*.name.sort() == ['it.par.AlphaTest', 'it.par.BetaTest', 'it.par.CacheTest']
assert report.classes.every { it.outcome == 'passed' }
assert report.classes.sum { it.tests } == 8
assert report.findings.find { it.kind == 'parallel-approximate' } != null : "findings: ${report.findings*.kind}"
def execution = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/surefire-default-test/execution.json'))
assert execution.parallel == true
assert log.contains('per-class numbers are approximate')
return true
