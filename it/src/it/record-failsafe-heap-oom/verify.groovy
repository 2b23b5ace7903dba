import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('memprobe: recording failsafe:integration-test (default) (junit-platform)')

// integration-test succeeded; its post-mortem comes before verify runs, and before Maven's BUILD FAILURE
def postMortem = log.indexOf('memprobe post-mortem of failsafe:integration-test (default) (1 fork recorded)')
assert postMortem >= 0
def verify = log.indexOf('--- failsafe:3.5.4:verify (default)')
assert verify > 0 && postMortem < verify
assert postMortem < log.indexOf('BUILD FAILURE')
assert log.indexOf('There was an error in the forked process', verify) > 0 : 'verify failed of the death'
assert log =~ /fork 1 \(pid \d+\) died: heap OutOfMemoryError, while it\.fs\.HogIT#fill ran/
assert log.contains('not run: it.fs.ZuluIT')
assert log.contains('settle it: mvn test-compile memprobe:bisect -Dmemprobe.from=target/memprobe/record')
// Surefire's own execution passed and was recorded beside it
assert log.contains('memprobe: recorded surefire:test (default-test): 1 fork, 1 class, no fork died')

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.settings.strategy == 'record'
assert report.verdict == 'inconclusive'
assert report.probes.size() == 2 && report.probes.every { it.recorded == true }
def dead = report.probes.find { it.outcome == 'died' }
assert dead != null : "probes: ${report.probes*.outcome}"
assert dead.inFlight == 'it.fs.HogIT' && dead.method == 'fill'
assert dead.cause == 'heap-oom' : "died of ${dead.cause}: ${dead.evidence}"
assert report.classes.find { it.name == 'it.fs.AlphaIT' }.outcome == 'passed'
assert report.classes.find { it.name == 'it.fs.AlphaTest' }.outcome == 'passed'
assert report.classes.find { it.name == 'it.fs.HogIT' }.outcome == 'died'
def notRun = report.findings.find { it.kind == 'not-run' }
assert notRun != null && notRun.classes == ['it.fs.ZuluIT'] : "findings: ${report.findings}"
assert report.findings.find { it.kind == 'recorded-death' }.message.contains('failsafe:integration-test (default)')
// Failsafe's summary is where the death was read from
def summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
assert summary.contains('There was an error in the forked process')
def execution = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/failsafe-default/execution.json'))
assert execution.outcome == 'succeeded'
assert execution.failure.contains('There was an error in the forked process')
return true
