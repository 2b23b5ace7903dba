import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
def fork = report.probes[0]
assert fork.outcome == 'died'
assert fork.cause == 'killed' : "died of ${fork.cause}: ${fork.evidence}"
assert fork.exitCode == 137
assert fork.inFlight == 'it.kill.KilledTest' && fork.method == 'waitsForTheEnd'
assert fork.evidence.contains('not the kernel\'s OOM killer') || fork.evidence.contains('no cgroup OOM counter')
assert report.classes.find { it.name == 'it.kill.AlphaTest' }.outcome == 'passed'
assert report.findings.find { it.kind == 'not-run' }.classes == ['it.kill.ZuluTest']

def log = new File(basedir, 'build.log').text
assert log.contains('died: killed by SIGKILL from outside (exit 137), while it.kill.KilledTest#waitsForTheEnd ran; exit code 137: a SIGKILL') \
        || log.contains('died: killed by SIGKILL from outside (exit 137), while it.kill.KilledTest#waitsForTheEnd ran; ')
// the exit code said once, not three times
assert !log.contains('ran, exit code 137; exit code 137')
assert log.contains('not run: it.kill.ZuluTest')
assert log.indexOf('memprobe post-mortem') < log.indexOf('BUILD FAILURE')
return true
