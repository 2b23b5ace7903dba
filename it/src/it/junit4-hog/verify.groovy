import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))

assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : "exactly one culprit, got ${report.culprits*.victim}"
def culprit = report.culprits[0]
assert culprit.kind == 'single'
assert culprit.victim == 'it.junit4.ArchiveTest'
assert culprit.cause == 'heap-oom'
assert culprit.method == 'unpacksTheWholeArchiveInMemory'

// JUnit 4 goes on after the error: the class is a memory error, not a death of the fork
def archive = report.classes.find { it.name == 'it.junit4.ArchiveTest' }
assert archive.outcome == 'memory-error'
assert archive.problem.contains('OutOfMemoryError')
// memprobe stops such a fork only once the class has written its measurements: the hog keeps its own numbers
report.probes.findAll { it.inFlight == 'it.junit4.ArchiveTest' || it.classes == ['it.junit4.ArchiveTest'] }.each {
    assert it.outcome == 'memory-error'
}
assert archive.heapPeakBytes >= 100L * 1024 * 1024 : "the hog's heap peak was lost: ${archive.heapPeakBytes}"
assert archive.rssPeakBytes > 0 && archive.durationMs > 0
report.classes.findAll { it.name != 'it.junit4.ArchiveTest' }.each { assert it.outcome == 'passed' : it }
assert report.classes.size() == 4
assert report.probes[0].outcome == 'memory-error'
return true
