import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found' : report.summary
assert report.culprits*.kind == ['cumulative', 'cumulative'] : report.culprits*.victim
def rss = report.culprits.find { it.victim == 'it.rss.C1NettyVictimTest' }
def heap = report.culprits.find { it.victim == 'it.rss.D1ExportVictimTest' }
assert rss && heap : report.culprits*.victim
assert rss.cause == 'memory-limit' && rss.exitCode == 137 : rss
assert rss.polluters == ['it.rss.B1NativePoolTest'] : rss.polluters
assert rss.retainedBytes['it.rss.B1NativePoolTest'] >= 200L * 1024 * 1024 : 'RSS left behind: ' + rss.retainedBytes
assert rss.evidence.any { it.contains('survives alone') && it.contains('RSS') } : rss.evidence
assert heap.cause == 'heap-oom' && heap.polluters == ['it.rss.B2SessionRegistryTest'] : heap
[rss, heap].each { assert it.reproduced == it.attempts : it }
// the kill ended CI's fork before the heap victim ran
assert report.probes[0].cause == 'memory-limit' && report.probes[0].inFlight == 'it.rss.C1NettyVictimTest'
assert report.findings.isEmpty() : report.findings*.message
assert report.probes.size() <= 9 : report.probes*.purpose
return true
