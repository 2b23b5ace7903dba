import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found' : report.summary
assert report.culprits.size() == 2 : report.culprits*.victim
def leak = report.culprits.find { it.kind == 'cumulative' }
def hog = report.culprits.find { it.kind == 'single' }
assert leak.victim == 'it.fixture.C1ExportVictimTest' && leak.cause == 'heap-oom' : leak
assert leak.polluters == ['it.fixture.B1FixtureCacheTest'] : leak.polluters
assert leak.method == null : "no test method ran yet in ${leak.victim}: ${leak.method}"
assert leak.reproduced == leak.attempts
assert hog.victim == 'it.fixture.D1ThumbnailHogTest' && hog.cause == 'heap-oom' : hog
assert report.findings.isEmpty() : report.findings*.message
// CI's fork died in @BeforeAll, and names the class though no test method was in flight
assert report.probes[0].outcome == 'died' && report.probes[0].inFlight == 'it.fixture.C1ExportVictimTest'
assert report.probes[0].method == null
assert report.probes.size() <= 6 : report.probes*.purpose
return true
