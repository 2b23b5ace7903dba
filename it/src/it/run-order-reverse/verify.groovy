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

// 2: runOrder=random, runOrderRandomSeed=1: the first probe ran the project's shuffled order, neither sorted nor
// reversed
def random = new JsonSlurper().parse(new File(basedir, 'target/memprobe-random/report.json'))
assert random.settings.runOrder == 'random'
def polluter = 'it.leak.F1CacheWarmupTest'
def victim = 'it.leak.D1ReportExportTest'
def order = random.probes[0].classes
assert order.size() == 8
assert random.classes*.name == order
assert order != order.toSorted() && order != order.toSorted().reverse() : order
// Surefire shuffles the classes in the order its scan found them, which the file system decides: with seed 1 the
// polluter runs before its victim here (and on the machines this was written on), and then only memprobe's keeping
// that order in every later probe finds the pair; where the scan differs and the victim runs first, nothing dies
if (order.indexOf(polluter) < order.indexOf(victim)) {
    assert random.verdict == 'culprits-found' : random.summary
    assert random.culprits.size() == 1 : random.culprits
    def r = random.culprits[0]
    assert r.kind == 'cumulative' && r.cause == 'heap-oom'
    assert r.victim == victim && r.polluters == [polluter]
    assert r.reproduced == r.attempts
    def both = random.probes.drop(1).findAll { it.classes.contains(victim) && it.classes.contains(polluter) }
    assert !both.isEmpty()
    both.each { p -> assert p.classes.indexOf(polluter) < p.classes.indexOf(victim) : "probe ${p.id}: ${p.classes}" }
} else {
    println "run-order-reverse: the victim ran before the polluter in this file system's scan order: ${order}"
    assert random.verdict == 'no-culprit' : random.summary
}
return true
