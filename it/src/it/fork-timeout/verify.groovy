import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1
def c = report.culprits[0]
assert c.victim == 'it.slow.RemoteCallTest'
assert c.cause == 'timeout'
assert c.method == 'waitsForTheServer'
assert c.evidence.any { it.contains('SIGTERM') && it.contains('then SIGKILL') } : c.evidence
// no fork left behind
def pids = report.probes.collect { it.id }
assert !"pgrep -f surefirebooter".execute().text.readLines().any { line ->
    new File("/proc/${line.trim()}/cmdline").exists() && new File("/proc/${line.trim()}/cmdline").text.contains(basedir.name)
}
assert report.settings.forkTimeoutMs == 8000
assert report.classes.find { it.name == 'it.slow.ZPlainTest' }.outcome == 'passed'
return true
