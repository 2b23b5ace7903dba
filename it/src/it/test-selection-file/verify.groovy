import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'no-culprit'
assert report.classes*.name.sort() == ['it.select.ImportCsvTest', 'it.select.ImportXmlTest', 'it.select.KeptTest']
assert report.totals.classesInSet == 3
assert report.settings.testFile.endsWith('memprobe-tests.txt')
return true
