import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits*.victim == ['it.hog.FixtureHogTest']
def c = report.culprits[0]
assert c.kind == 'single' && c.cause == 'heap-oom'
assert c.retainers.size() == 1
def r = c.retainers[0]
assert r.role == 'hog' && r.skipped == null : r.skipped
// the JVM's own dump at the OutOfMemoryError, written in the probe of the class alone: no fork of its own
assert r.dump.phase == 'error' && r.dump.deleted
assert report.probes.size() == 2 : "spent ${report.probes.size()} probes"
def top = r.paths[0]
// the path ends in the thread's stack frame: the local list of @BeforeAll
assert top.kind == 'frame' : r.paths*.text
assert top.key == 'frame main it.hog.FixtureHogTest.loadFixtures' : top.key
assert top.text.startsWith('frame main it.hog.FixtureHogTest.loadFixtures(FixtureHogTest.java:') : top.text
assert top.text.contains(' → java.util.ArrayList (') && top.holds.type == 'byte[]'
assert top.share >= 0.8 : "the list held ${top.share} of the heap"
def left = []
new File(basedir, 'target/memprobe').eachFileRecurse { if (it.name.endsWith('.hprof')) left << it }
assert left.isEmpty() : left
assert new File(basedir, 'build.log').text.contains('holds: frame main it.hog.FixtureHogTest.loadFixtures(')
return true
