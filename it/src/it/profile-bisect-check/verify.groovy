import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// Surefire's own run is skipped in the profile; bisect runs the tests in the test phase, check fails in verify
assert log.contains('Tests are skipped.')
int bisect = log.indexOf('memprobe:0.1.0-SNAPSHOT:bisect (memprobe-bisect)')
int check = log.indexOf('memprobe:0.1.0-SNAPSHOT:check (memprobe-check)')
assert bisect >= 0 && check > bisect : 'bisect in test, check in verify'

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'no-culprit' : 'nothing dies under -Xmx256m'
assert report.classes*.name == ['it.profile.APlainTest', 'it.profile.BPlainTest', 'it.profile.ZCatalogImportTest']
def hog = report.classes.find { it.name == 'it.profile.ZCatalogImportTest' }
assert hog.liveHeapPeakBytes >= 96L * 1024 * 1024 : "held 96 MiB: ${hog.liveHeapPeakBytes}"
assert hog.own.neededBytes >= 90L * 1024 * 1024 : "needed 96 MiB of its own: ${hog.own}"

// the offender, with its own numbers, as the report has them (sizes as memprobe writes them: 98.5 MiB, 612 MiB)
double m = hog.own.neededBytes / (1024d * 1024d)
def mib = m >= 100 || m == Math.rint(m) ? String.format(Locale.ROOT, '%.0f', m) : String.format(Locale.ROOT, '%.1f', m)
assert log.contains('memprobe:check found 1 problem in target/memprobe/report.json:')
assert log.contains("[ERROR]   it.profile.ZCatalogImportTest needed ${mib} MiB of heap on top of what it found (budget 48 MiB, memprobe.budget)")
assert !log.contains('APlainTest needed') && !log.contains('BPlainTest needed')
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\s+at dev\.memprobe/)
return true
