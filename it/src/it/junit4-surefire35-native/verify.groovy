import groovy.json.JsonSlurper

def nativeReport = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
def vintage = new JsonSlurper().parse(new File(basedir, 'target/memprobe-vintage/report.json'))
def log = new File(basedir, 'build.log').text

// which provider ran the forks, and why: the project's Surefire 3.5.4 runs JUnit 4 with its JUnit 4 provider
assert nativeReport.environment.forkProvider == 'memprobe-junit4'
assert vintage.environment.forkProvider == 'surefire-junit-platform'
assert log.contains("tests run by memprobe's JUnit 4 runner, as the project's Surefire 3.5.4 runs its tests")
assert log.contains('tests run by the JUnit Platform provider, memprobe.provider=surefire')

[nativeReport, vintage].each { report ->
    def provider = report.environment.forkProvider
    assert report.verdict == 'culprits-found' : provider
    assert report.culprits.size() == 1 : "${provider}: ${report.culprits*.victim}"
    def culprit = report.culprits[0]
    assert culprit.kind == 'single' && culprit.victim == 'it.native4.CcHogTest' && culprit.cause == 'heap-oom'
    assert culprit.method == 'loadsTheWholeCatalog'
    // the suite's fork went on past the hog (JUnit 4 survives it), and the hog alone confirmed it
    assert report.totals.probes == 2 : "${provider}: ${report.totals.probes} probes"
    assert report.classes*.name == ['it.native4.AaPlainTest', 'it.native4.BbSetupFailsTest', 'it.native4.CcHogTest',
                                    'it.native4.DdAfterTest'] : provider
    report.classes.each {
        assert it.durationMs != null && it.heapPeakBytes > 0 && it.rssPeakBytes > 0 : "${provider}: ${it}"
    }
    def plain = report.classes.find { it.name == 'it.native4.AaPlainTest' }
    assert plain.outcome == 'passed' && plain.tests == 3 && plain.skipped == 1 : "${provider}: ${plain}"
    def setup = report.classes.find { it.name == 'it.native4.BbSetupFailsTest' }
    assert setup.outcome in ['failed', 'errored'] : "${provider}: ${setup}"
    assert report.classes.find { it.name == 'it.native4.CcHogTest' }.outcome == 'memory-error'
    assert report.classes.find { it.name == 'it.native4.DdAfterTest' }.outcome == 'passed'
}
return true
