import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits*.victim
def c = report.culprits[0]
assert c.victim == 'it.direct.NettyLikeBufferTest'
assert c.kind == 'single'
assert c.cause == 'memory-limit'
assert c.exitCode == 137
assert c.evidence.any { it.contains('RSS') && it.contains('512 MiB') } : c.evidence
assert report.settings.memoryLimitBytes == 512L * 1024 * 1024
def probe = report.probes[0]
assert probe.cause == 'memory-limit' && probe.inFlight == 'it.direct.NettyLikeBufferTest'
return true
