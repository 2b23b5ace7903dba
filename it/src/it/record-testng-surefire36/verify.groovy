import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Surefire 3.6 runs TestNG on the JUnit Platform; no listener property is set, both listeners are service-loaded
assert log.contains('Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider')
assert log.contains('memprobe: recording surefire:test (default-test) (junit-platform)')
assert log.contains('Tests run: 5, Failures: 0, Errors: 0, Skipped: 0')

// one source per fork: every class started and ended once in the journal, every test once
def journals = new File(basedir, 'target/memprobe/record/surefire-default-test')
        .listFiles().findAll { it.name.startsWith('fork') && it.name.endsWith('.jsonl') }
assert journals.size() == 1
def lines = journals[0].readLines().collect { new JsonSlurper().parseText(it) }
def starts = lines.findAll { it.event == 'class-start' }*.get('class')
def ends = lines.findAll { it.event == 'class-end' }*.get('class')
def classes = ['it.tng36.AlphaTest', 'it.tng36.BetaTest', 'it.tng36.CacheTest']
assert starts.sort() == classes : "class-start lines: ${starts}"
assert ends.sort() == classes : "class-end lines: ${ends}"
// a passed test has no line of its own (its class's line counts it): each counted once, not by both listeners
def counted = lines.findAll { it.event == 'class-end' }.collect { it.tests }.sum()
assert counted == 5 : "class-end lines count ${counted} tests"
assert !lines.any { it.event == 'test-start' || it.event == 'test-end' }

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.verdict == 'no-culprit'
assert report.classes*.name.sort() == classes
assert report.classes.every { it.outcome == 'passed' && it.heapPeakBytes > 0 }
assert report.classes.find { it.name == 'it.tng36.AlphaTest' }.tests == 2
assert report.classes.find { it.name == 'it.tng36.CacheTest' }.tests == 1
assert log.contains('memprobe: recorded surefire:test (default-test): 1 fork, 3 classes, no fork died')
return true
