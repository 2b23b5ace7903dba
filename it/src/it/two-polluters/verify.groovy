import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits
def c = report.culprits[0]
assert c.kind == 'cumulative'
assert c.victim == 'it.two.C2ReportExportTest'
assert c.polluters == ['it.two.A3FixtureLoaderTest', 'it.two.B2CacheWarmupTest'] : c.polluters
assert c.cause == 'heap-oom'
c.polluters.each { assert c.retainedBytes[it] >= 60L * 1024 * 1024 : c.retainedBytes }
assert report.probes.size() <= 10 : "spent ${report.probes.size()} probes"
return true
