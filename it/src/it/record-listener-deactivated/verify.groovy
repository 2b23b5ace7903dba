import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
def warnings = log.readLines().findAll { it.startsWith('[WARNING] memprobe: surefire:test (default-test) recorded no test class') }
assert warnings.size() == 1 : "warnings: ${warnings}"
assert warnings[0].contains('junit.platform.execution.listeners.deactivate')
assert warnings[0].contains('dev.memprobe.recorder.PlatformListener')

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.classes.isEmpty()
assert report.probes.size() == 1 && report.probes[0].outcome != 'died'
assert report.findings*.kind == ['listener-off']
return true
