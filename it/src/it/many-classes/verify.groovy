import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'), 'UTF-8')
def generated = (0..<2000).collect { String.format('it.many.p%02d.Gen%04dTest', it.intdiv(100), it) }
def hog = 'it.many.p12.Gen1234Test'

// the premise: the test classpath is longer than one command-line argument may be on Linux (MAX_ARG_STRLEN,
// 128 KiB), so the forks can only get it through Surefire's manifest-only jar
def elements = (new File(basedir, 'pom.xml').text =~ /<additionalClasspathElement>([^<]+)</).collect { it[1] }
assert elements.size() == 2000
def classpath = elements.sum { it.replace('${project.basedir}', basedir.absolutePath).length() + 1 }
assert classpath > 128 * 1024 : "the additional classpath alone is ${classpath} characters"

// the hog, and only the hog
assert report.verdict == 'culprits-found'
assert report.culprits*.victim == [hog] : report.culprits*.victim
assert report.culprits[0].kind == 'single' && report.culprits[0].cause == 'heap-oom'

// all 2,000 classes of the selection file ran and were measured; the three it leaves out did not run
assert report.totals.classesInSet == 2000 && report.totals.classesRun == 2000
assert report.classes.size() == 2000
assert report.classes*.name.toSet() == generated.toSet()
report.classes.each { c ->
    assert c.heapPeakBytes > 0 && c.rssPeakBytes > 0 && c.metaspacePeakBytes > 0 : "${c.name} was not measured"
    assert c.tests == 1 : "${c.name} ran ${c.tests} tests"
    // the first fork went on past the hog's OutOfMemoryError (the heap recovered): the hog failed of memory in it
    assert c.outcome == (c.name == hog ? 'memory-error' : 'passed') : "${c.name} ${c.outcome}"
}
// the classes that read a resource from their own classpath folder passed: the whole classpath reached the forks
assert report.classes.count { it.name =~ /Gen\d\d99Test$/ && it.outcome == 'passed' } == 20
assert !report.classes.any { it.name.contains('Unselected') }

// whole suite (going on past the hog), the hog alone: a fork per question, not per class
assert report.probes.size() == 2 : "spent ${report.probes.size()} probes"
assert report.probes[0].classes.size() == 2000
assert report.settings.testFile.endsWith('memprobe-tests.txt')

// Surefire's XML reports of the probes leave out the properties element (the classpath, twice, in every file)
def xml = new File(basedir, 'target/memprobe/probes/probe-1/surefire-reports').listFiles().findAll { it.name.endsWith('.xml') }
assert xml.size() > 100
assert xml*.length().max() < 20_000 : "a probe's report of one trivial class has ${xml*.length().max()} bytes"
return true
