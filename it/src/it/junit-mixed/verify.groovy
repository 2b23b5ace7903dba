import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.culprits*.victim == ['it.mixed.LegacyArchiveTest'] : report.culprits*.victim
assert report.culprits[0].cause == 'heap-oom'
assert report.classes*.name.sort() == ['it.mixed.ClassicServiceTest', 'it.mixed.LegacyArchiveTest',
                                       'it.mixed.LegacyParserTest', 'it.mixed.ModernServiceTest']
report.classes.findAll { it.name != 'it.mixed.LegacyArchiveTest' }.each {
    assert it.outcome == 'passed' && it.tests == 1 : it
}
return true
