import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Using auto detected provider org.apache.maven.surefire.testng.TestNGProvider')
assert log.contains('memprobe: recording surefire:test (default-test) (testng)')

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.classes*.name.sort() == ['it.tng.AlphaTest', 'it.tng.BetaTest', 'it.tng.HogTest']
def hog = report.classes.find { it.name == 'it.tng.HogTest' }
assert hog.outcome == 'memory-error' : "the hog ${hog.outcome}: ${hog.problem}"
assert report.classes.findAll { it != hog }.every { it.outcome == 'passed' && it.tests == 1 && it.heapPeakBytes > 0 }
assert report.probes.size() == 1 && report.probes[0].outcome == 'memory-error'
assert log.contains('failed of memory without killing its fork: it.tng.HogTest#fill')
return true
