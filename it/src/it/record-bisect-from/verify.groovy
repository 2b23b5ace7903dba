import groovy.json.JsonSlurper

def all = ['A1ParserTest', 'A2FormatterTest', 'B1CacheWarmupTest', 'B2LexerTest', 'C1PrinterTest', 'C2ValidatorTest',
           'D1ReportExportTest', 'D2MailerTest'].collect { "it.leak.${it}".toString() }

def recording = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert recording.probes.size() == 1 && recording.probes[0].inFlight == 'it.leak.D1ReportExportTest'

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.settings.strategy == 'bisect'
assert report.verdict == 'culprits-found'
def c = report.culprits[0]
assert c.kind == 'cumulative' && c.victim == 'it.leak.D1ReportExportTest'
assert c.polluters == ['it.leak.B1CacheWarmupTest']
// the first probe came from the recording, and no fork memprobe ran had the whole suite
assert report.probes[0].recorded == true
assert report.probes[0].purpose.startsWith('recorded: fork 1 of surefire:test (default-test)')
assert report.probes[0].inFlight == 'it.leak.D1ReportExportTest'
assert report.probes.drop(1).every { it.recorded != true && it.classes.size() < all.size() }
// the victim alone then D2, the guided guess, its confirmation
assert report.probes.size() <= 4 : "spent ${report.probes.size()} probes: ${report.probes*.purpose}"
assert report.classes*.name.sort() == all.sort()

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 3
assert !runs[1].contains('whole suite')
assert runs[2].contains('record/report.json ran it.leak.A2FormatterTest')
assert runs[2].contains('which the test set no longer has')
assert !runs[2].contains('\tat dev.memprobe')
return true
