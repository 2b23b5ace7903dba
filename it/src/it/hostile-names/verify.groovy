import groovy.json.JsonSlurper

// the scenario name of the hog (ÄrgerSzenarienTest.HOSTILE), character for character
def hostile = '<script>alert(1)</script> "double" \'single\' & `tick` ``two`` | pipe  two  spaces $(id) ü 测试' +
        '\n::error title=injected::by a test name'
def hog = 'it.hostile.ÄrgerSzenarienTest'
def folder = new File(basedir, 'target/memprobe')

// ---- report.json: UTF-8, the names exactly
def report = new JsonSlurper().parse(new File(folder, 'report.json'), 'UTF-8')
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits*.victim
def culprit = report.culprits[0]
assert culprit.kind == 'single'
assert culprit.victim == hog
assert culprit.classes == [hog]
assert culprit.cause == 'heap-oom'
assert culprit.method == hostile : "method as the engine named it, line break and all: ${culprit.method.inspect()}"
assert culprit.evidence[0].contains("ÄrgerSzenarienTest#${hostile} (\"Java heap space\"); ")
assert report.probes[0].inFlight == hog && report.probes[0].method == hostile

assert report.classes*.name.sort() == ['it.hostile.FailingTest', 'it.hostile.größe.MaßTest', 'it.hostile.ÄrgerSzenarienTest',
                                       'it.hostile.ÜberprüfungTest', 'it.hostile.测试Test'].sort()
report.classes.each { c ->
    assert c.heapPeakBytes > 0 && c.rssPeakBytes > 0 : "${c.name} was not measured"
}
def outcomes = report.classes.collectEntries { [it.name, it.outcome] }
assert outcomes['it.hostile.FailingTest'] == 'failed' : 'a failed assertion is recorded, never blamed'
assert outcomes['it.hostile.ÜberprüfungTest'] == 'passed'
assert outcomes['it.hostile.测试Test'] == 'passed'
assert outcomes['it.hostile.größe.MaßTest'] == 'passed'
assert report.classes.find { it.name == 'it.hostile.ÜberprüfungTest' }.tests == 2
assert report.classes.find { it.name == 'it.hostile.测试Test' }.tests == 3
// Surefire reports JUnit Jupiter tests by their Java names: no @DisplayName (alert 2 to 5) reaches a report
def json = new File(folder, 'report.json').getText('UTF-8')
(2..5).each { assert !json.contains("alert(${it})") : "display name ${it} in report.json" }

// ---- report.md: in a code span the name is literal; in text, escaped for Markdown and HTML
def md = new File(folder, 'report.md').getText('UTF-8')
def flat = hostile.replace('\n', ' ')
assert md.contains('- In flight: ``` ÄrgerSzenarienTest#' + flat + ' ```\n') : 'a fence longer than the name\'s `` run'
def evidence = md.readLines().find { it.startsWith('  - dies alone:') }
def escapedEvidence = '  - dies alone: heap OutOfMemoryError in ÄrgerSzenarienTest\\#&lt;script&gt;alert(1)&lt;/script&gt;' +
        ' "double" \'single\' &amp; \\`tick\\` \\`\\`two\\`\\` \\| pipe  two  spaces $(id) ü 测试 ::error title=injected::by a' +
        ' test name ("Java heap space"); '
assert evidence.startsWith(escapedEvidence) : evidence
// what follows are the numbers (heap full, or the peaks), never more of the name
assert evidence.substring(escapedEvidence.length()) ==~ /(the heap was full|heap peak)[^<>`|()]*/ : evidence
// a method's name is literal only in code spans: the method in flight, and the top methods (their figures)
md.readLines().findAll { it.contains('<script>') }.each {
    assert it.startsWith('- In flight: ```') || it.startsWith('- Top methods of ') || it =~ /^- `[^`]+`: `/ : "raw markup: ${it}"
    assert !(it =~ /allocated [^;`]*<script>/) : "a figure, not a name, after the code span: ${it}"
}
assert md.contains('| `it.hostile.ÄrgerSzenarienTest` | memory-error |')
assert md.contains('| `it.hostile.测试Test` | passed |')
assert md.contains('| `it.hostile.größe.MaßTest` | passed |')
// GitHub's step summary got the same Markdown
assert new File(basedir, 'step-summary.md').getText('UTF-8').contains(md.trim())

// ---- report.html: no markup from a test name, the text present escaped
// (names may wrap between their words: <wbr> marks the places)
def html = new File(folder, 'report.html').getText('UTF-8').replace('<wbr>', '')
assert html.contains('<meta charset="utf-8">')
assert (html =~ /(?i)<script/).size() == 1 && html.contains('<script src="report.js" defer></script>') : 'report.html has its own script only, and no test name adds one'
assert !html.contains(' style=') && !html.contains('<style') : 'no inline style: report.css is beside the page'
assert new File(folder, 'report.css').isFile() && new File(folder, 'report.js').isFile()
assert !html.contains('alert(1)</') && !html.contains('<b>fett') && !html.contains('<img')
def escaped = hostile.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
        .replace("'", '&#39;')
def inFlight = (html =~ /(?s)<dt>In flight<\/dt><dd><code>(.*?)<\/code>/)
assert inFlight.find() : 'the culprit names its method in flight'
assert inFlight.group(1) == 'ÄrgerSzenarienTest#' + escaped
assert html.contains('<h2>1. <code>it.hostile.ÄrgerSzenarienTest</code></h2>')

// ---- heavy-classes.txt: the hog as a Surefire pattern, non-ASCII intact ...
def heavy = new File(folder, 'heavy-classes.txt').getText('UTF-8').readLines().findAll { !it.startsWith('#') }
assert heavy == ['it/hostile/ÄrgerSzenarienTest.java']
// ... and Surefire takes it as its excludesFile (second invocation): every class ran but the hog
def log = new File(basedir, 'build.log').getText('UTF-8')
// (Surefire's console names ÜberprüfungTest by its display name)
def ran = log.readLines().findAll { it.startsWith('[INFO] Running ') }
assert ran.size() == 4 && !ran.any { it.contains('ÄrgerSzenarienTest') } : ran
// bisect left every class's Surefire report in target/surefire-reports, the hog's too (Surefire's run did not replace it)
def reports = new File(basedir, 'target/surefire-reports').list().findAll { it.startsWith('TEST-') }.sort()
assert reports == ['TEST-it.hostile.FailingTest.xml', 'TEST-it.hostile.größe.MaßTest.xml', 'TEST-it.hostile.ÄrgerSzenarienTest.xml',
                   'TEST-it.hostile.ÜberprüfungTest.xml', 'TEST-it.hostile.测试Test.xml'].sort() : reports
// the failing assertion, as Surefire names it, a warning since maven.test.failure.ignore lets the build go on
assert log.contains('[WARNING]   FailingTest.failsWithMarkup:12 <b>hostile</b> message ==> expected: <<script>alert(7)</script>> but was: <</td><script>alert(8)</script> & `x` | y>')
assert !log.contains('[WARNING] Errors: ') : 'the hog\'s memory error is no test failure'

// ---- the console: names intact, a line break in a name cannot start a line of its own
def lines = log.readLines()
assert lines.any { it.startsWith('[WARNING]   culprit: it.hostile.ÄrgerSzenarienTest#<script>alert(1)') && it.endsWith(': heap OutOfMemoryError even when it runs alone (a memory hog)') }
// the first probe's fork went on past the hog, the first class: the line ends with that after the escaped name
assert lines.any { it.startsWith('[INFO] probe 1: ') && it.contains('\\n::error title=injected::by a test name: heap OutOfMemoryError; the fork went on with the classes after it  [') }
def commands = lines.findAll { it.startsWith('::') }
assert commands.size() == 1 : "one workflow command, memprobe's own: ${commands}"
// at the class's declaration in its source: a dynamic test has no method of its name to point at
assert commands[0] =~ /^::error file=(\S+\/)?src\/test\/java\/it\/hostile\/ÄrgerSzenarienTest\.java,line=10,title=memprobe%3A ÄrgerSzenarienTest kills the test JVM/
assert commands[0].contains('测试%0A::error title=injected::by a test name')
return true
