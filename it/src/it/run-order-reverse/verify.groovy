import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.settings.runOrder == 'reversealphabetical'
// the classes in the order CI runs them: the project's order, as the first fork ran it
def reverse = ['it.leak.F1CacheWarmupTest', 'it.leak.D2MailerTest', 'it.leak.D1ReportExportTest',
               'it.leak.C2ValidatorTest', 'it.leak.C1PrinterTest', 'it.leak.B2LexerTest', 'it.leak.A2FormatterTest',
               'it.leak.A1ParserTest']
assert report.classes*.name == reverse
assert report.probes[0].classes == reverse : 'the first probe lists its classes as the fork ran them'
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits
def c = report.culprits[0]
assert c.kind == 'cumulative' && c.cause == 'heap-oom'
assert c.victim == 'it.leak.D1ReportExportTest'
assert c.polluters == ['it.leak.F1CacheWarmupTest']
assert c.reproduced == c.attempts
// every probe that reran the polluter with the victim kept the project's order: polluter first
report.probes.findAll { it.classes.size() > 1 && it.classes.contains(c.victim) }.each { p ->
    if (p.classes.contains('it.leak.F1CacheWarmupTest')) {
        assert p.classes.indexOf('it.leak.F1CacheWarmupTest') < p.classes.indexOf(c.victim) : "probe ${p.id}: ${p.classes}"
    }
}
return true
