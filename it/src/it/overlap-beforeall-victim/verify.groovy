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
// the suite's fork failed in @BeforeAll, and names the class though no test method was in flight. Whether the fork
// dies there or goes on is the JVM's: it dies when the error strikes while the JUnit Platform initializes a class it
// needs to report it (NoClassDefFoundError after the heap filled up), and goes on, as the provider lets it after a
// full collection leaves the heap at most three quarters full, when it does not (seen in CI: 53 MiB of 128 MiB)
assert report.probes[0].outcome in ['died', 'memory-error'] : report.probes[0]
assert report.probes[0].inFlight == 'it.fixture.C1ExportVictimTest' && report.probes[0].cause == 'heap-oom'
assert report.probes[0].method == null
assert report.probes.size() <= 6 : report.probes*.purpose
return true
