import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))

assert report.schemaVersion == 1
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : "exactly one culprit, got ${report.culprits*.victim}"
def culprit = report.culprits[0]
assert culprit.kind == 'single'
assert culprit.victim == 'it.hog.HogTest'
assert culprit.classes == ['it.hog.HogTest']
assert culprit.cause == 'heap-oom'
assert culprit.method == 'loadsEverythingAtOnce'
assert culprit.reproduced == culprit.attempts && culprit.attempts == 2

// every class ran and was measured; none but the hog is blamed
assert report.classes*.name.sort() == ['it.hog.AlphaTest', 'it.hog.BetaTest', 'it.hog.DeltaTest',
                                       'it.hog.EpsilonTest', 'it.hog.GammaTest', 'it.hog.HogTest']
report.classes.each { c ->
    assert c.heapPeakBytes > 0 : "${c.name} has no heap peak"
    assert c.rssPeakBytes > 0 : "${c.name} has no RSS peak"
    assert c.durationMs != null
    // the first fork went on past the hog's OutOfMemoryError: the hog failed of memory in it
    assert (c.name == 'it.hog.HogTest') == (c.outcome == 'memory-error') : "${c.name} ended ${c.outcome}"
}
def hog = report.classes.find { it.name == 'it.hog.HogTest' }
assert hog.heapPeakBytes >= 120L * 1024 * 1024 : "the hog filled the 128 MiB heap, measured ${hog.heapPeakBytes}"
report.classes.findAll { it.outcome == 'passed' }.each { assert it.tests == 2 }

assert report.settings.maxHeapBytes == 128L * 1024 * 1024
// a fork plan for a 4 GiB runner: the five light classes in the fast job, the hog in a job of its own
assert report.settings.runnerMemoryBytes == 4L << 30
assert report.forkPlan.classes == 5 && report.forkPlan.heavyClasses == 1
assert report.forkPlan.forkCount >= 1 && report.forkPlan.maxHeapBytes >= 64L << 20
assert report.forkPlan.heavyMaxHeapBytes == 256L << 20
assert new File(basedir, 'target/memprobe/report.md').text.contains('#### Fork plan for a 4 GiB runner')
assert report.environment.surefireVersion == '3.6.1'
// whole suite, hog alone (dying as in the suite is the confirmation): not a fork per class
assert report.probes.size() == 2 : "spent ${report.probes.size()} probes"
assert report.probes[0].outcome == 'memory-error' && report.probes[0].cause == 'heap-oom'
assert report.probes[0].inFlight == 'it.hog.HogTest'

assert new File(basedir, 'target/memprobe/report.md').text.contains('it.hog.HogTest')
assert new File(basedir, 'target/memprobe/report.html').text.contains('it.hog.HogTest')
assert new File(basedir, 'target/memprobe/heavy-classes.txt').text.contains('it/hog/HogTest')

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 3

// GitHub Actions: report.md appended to the step summary, the culprit as an error annotation at a line's start
def summary = new File(basedir, 'step-summary.md')
assert summary.text.startsWith('## memprobe: 1 culprit')
// at the test method's line of its source (relative to the repository's root: the .git folder above, on CI the workspace)
def annotation = runs[0].readLines().find { it.startsWith('::error ') && it.contains('it.hog.HogTest') }
assert annotation =~ /^::error file=(\S+\/)?src\/test\/java\/it\/hog\/HogTest\.java,line=13,title=memprobe%3A HogTest kills/ : annotation
// the culprit as a failed test in Surefire's schema, for CI's test pages, with a frame that names the line
def results = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/memprobe/TEST-memprobe.xml'))
assert results.@tests == '1' && results.@failures == '1'
assert results.testcase.@classname == 'it.hog.HogTest' && results.testcase.@name == 'loadsEverythingAtOnce'
assert results.testcase.failure.@type == 'heap-oom'
assert results.testcase.failure.text().contains('\tat it.hog.HogTest.loadsEverythingAtOnce(HogTest.java:13)')

// heavy-classes.txt works as Surefire's excludesFile (the fast job passes under 128 MiB) ...
assert runs[1].contains('BUILD SUCCESS') && !runs[1].contains('Running it.hog.HogTest')
assert runs[1].contains('Running it.hog.AlphaTest')
// ... and as its includesFile (the heavy job runs the hog alone)
assert runs[2].contains('BUILD SUCCESS') && runs[2].contains('Running it.hog.HogTest')
assert !runs[2].contains('Running it.hog.AlphaTest')
log = runs[0]
assert log.contains('[INFO] probe 1: the whole suite, 6 classes in Surefire\'s run order  -> HogTest#loadsEverythingAtOnce: heap OutOfMemoryError  [')
assert log.contains('[INFO] probe 2: does HogTest die alone?  -> HogTest#loadsEverythingAtOnce: heap OutOfMemoryError, the fork died  [')
assert log.contains('[WARNING]   culprit: it.hog.HogTest#loadsEverythingAtOnce: heap OutOfMemoryError even when it runs alone (a memory hog)')
assert log.contains('[WARNING]       why: dies alone: heap OutOfMemoryError in HogTest#loadsEverythingAtOnce ("Java heap space"); ')
assert log.contains('[INFO] memprobe: the build goes on: a culprit fails it only with -Dmemprobe.failOnCulprit=true')
assert !log.contains('Tests run:') : 'Surefire console output should be quiet'
return true
