import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.settings.runOrder == 'random'
def polluter = 'it.leak.F1CacheWarmupTest'
def victim = 'it.leak.D1ReportExportTest'

// the first probe ran the project's random order (seeded): as the fork ran it, neither sorted nor reversed
def order = report.probes[0].classes
assert order.size() == 8
assert report.classes*.name == order
assert order != order.toSorted() && order != order.toSorted().reverse() : order

// Surefire shuffles the classes in the order its scan found them, which the file system decides: with seed 1 the
// polluter runs before its victim here (and on the machines this was written on), and then only memprobe's following
// that order in every later probe finds it; where the scan differs and the victim runs first, nothing dies
if (order.indexOf(polluter) < order.indexOf(victim)) {
    assert report.verdict == 'culprits-found' : report.summary
    assert report.culprits.size() == 1 : report.culprits
    def c = report.culprits[0]
    assert c.kind == 'cumulative' && c.cause == 'heap-oom'
    assert c.victim == victim
    assert c.polluters == [polluter]
    assert c.reproduced == c.attempts
    // every later probe that ran both kept the project's order: polluter first (alphabetically the victim comes first)
    def both = report.probes.drop(1).findAll { it.classes.contains(victim) && it.classes.contains(polluter) }
    assert !both.isEmpty()
    both.each { p -> assert p.classes.indexOf(polluter) < p.classes.indexOf(victim) : "probe ${p.id}: ${p.classes}" }
} else {
    println "run-order-random: the victim ran before the polluter in this file system's scan order: ${order}"
    assert report.verdict == 'no-culprit' : report.summary
}
return true
