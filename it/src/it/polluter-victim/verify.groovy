import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits
def c = report.culprits[0]
assert c.kind == 'cumulative'
assert c.victim == 'it.leak.D1ReportExportTest'
assert c.polluters == ['it.leak.B1CacheWarmupTest']
assert c.cause == 'heap-oom'
assert c.retainedBytes['it.leak.B1CacheWarmupTest'] >= 60L * 1024 * 1024 : "the polluter's retained heap is the evidence: ${c.retainedBytes}"
assert c.reproduced == c.attempts
// suite, victim alone (then the rest in the same fork), one guided guess, confirmation: a handful, not log2(n)
// rounds per class
// suite, victim alone, [polluter, victim] (the confirmation): 3 probes when the first guess is the polluter
assert report.probes.size() <= 4 : "spent ${report.probes.size()} probes"
return true
