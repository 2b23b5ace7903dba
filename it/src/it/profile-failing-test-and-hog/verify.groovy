import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 3
// memprobe.skip and skipTests skip bisect and check, each in one line
assert runs[1].contains('[INFO] memprobe: skipped (memprobe.skip=true)')
assert runs[1].contains('[INFO] memprobe: check skipped (memprobe.skip=true)')
assert runs[2].contains('[INFO] memprobe: skipped because tests are skipped (skipTests or maven.test.skip)')
assert runs[2].contains('[INFO] memprobe: check skipped because tests are skipped (skipTests or maven.test.skip)')
def log = runs[0]

// bisect ran in the test phase in place of Surefire's run, and the build failed there, before check
assert log.contains('Tests are skipped.')
assert log.contains('memprobe:0.1.0-SNAPSHOT:bisect (memprobe-bisect)')
assert !log.contains('memprobe:0.1.0-SNAPSHOT:check (memprobe-check)')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits*.victim == ['it.faithful.StatementImportTest']
assert report.classes.find { it.name == 'it.faithful.AccountTest' }.outcome == 'failed'

// the failing test, as Surefire names it, and the hog, as memprobe does
assert log.contains('[ERROR] Failures: ')
assert log.contains('[ERROR]   AccountTest.addsInterest:12 interest on 100 ==> expected: <105> but was: <104>')
assert log.contains('[ERROR] Tests run: 4, Failures: 1, Errors: 1, Skipped: 0')
assert log.contains('There are test failures: 1 test failed in it.faithful.AccountTest, not of memory. See target/surefire-reports for the individual test results')
assert log.contains('memprobe also found 1 culprit: it.faithful.StatementImportTest (single, heap-oom)')

// every class's Surefire report where CI's test pages look for it, from the probe that measured it
def reports = new File(basedir, 'target/surefire-reports')
['AccountTest', 'LedgerTest', 'StatementImportTest'].each { name ->
    assert new File(reports, "TEST-it.faithful.${name}.xml").isFile() : "TEST-it.faithful.${name}.xml"
}
def account = new XmlSlurper().parse(new File(reports, 'TEST-it.faithful.AccountTest.xml'))
assert account.@tests == '2' && account.@failures == '1'
assert account.testcase.find { it.@name == 'addsInterest' }.failure.@type == 'org.opentest4j.AssertionFailedError'
// the hog's report, written by memprobe since its fork died before Surefire wrote one
def hog = new XmlSlurper().parse(new File(reports, 'TEST-it.faithful.StatementImportTest.xml'))
assert hog.testcase.@name == 'importsEveryStatement' && hog.testcase.error.@type == 'java.lang.OutOfMemoryError'
// the culprit as a failed test for CI's test pages
def culprits = new XmlSlurper().parse(new File(basedir, 'target/memprobe/TEST-memprobe.xml'))
assert culprits.testcase.size() == 1 && culprits.testcase.failure.@type == 'heap-oom'
assert culprits.testcase.@classname == 'it.faithful.StatementImportTest'
assert !(log =~ /(?m)^\s+at dev\.memprobe/)
return true
