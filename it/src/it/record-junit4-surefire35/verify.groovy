import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Surefire picked its own JUnit 4 provider, as without memprobe
assert log.contains('Using auto detected provider org.apache.maven.surefire.junit4.JUnit4Provider')
assert log.contains('memprobe: recording surefire:test (default-test) (junit4)')

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.probes.size() == 1 && report.probes[0].outcome == 'memory-error'
assert report.probes[0].inFlight == 'it.j4.HogTest' && report.probes[0].cause == 'heap-oom'
assert report.classes*.name == ['it.j4.AaTest', 'it.j4.BbTest', 'it.j4.HogTest', 'it.j4.ZzTest']
def hog = report.classes.find { it.name == 'it.j4.HogTest' }
assert hog.outcome == 'memory-error' && hog.heapPeakBytes >= 48L << 20
assert report.classes.findAll { it.name != 'it.j4.HogTest' }.every { it.outcome == 'passed' && it.tests >= 1 }
assert report.findings*.kind.contains('memory-error')
assert log.contains('failed of memory without killing its fork: it.j4.HogTest#fill')
return true
