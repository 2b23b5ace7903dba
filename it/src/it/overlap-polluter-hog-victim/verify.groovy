import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found' : report.summary
assert report.culprits.size() == 2 : report.culprits*.victim
def hog = report.culprits.find { it.kind == 'single' }
def leak = report.culprits.find { it.kind == 'cumulative' }
assert hog.victim == 'it.phv.C1PluginLoaderHogTest' && hog.cause == 'metaspace-oom' : hog
assert leak.victim == 'it.phv.D1ExportVictimTest' && leak.cause == 'heap-oom' : leak
assert leak.polluters == ['it.phv.B1SessionRegistryTest'] : leak.polluters
assert leak.reproduced == leak.attempts
assert report.findings.isEmpty() : report.findings*.message

// CI's fork died in the hog: the victim never ran there
def first = report.probes[0]
assert first.outcome == 'died' && first.inFlight == 'it.phv.C1PluginLoaderHogTest'
assert !report.classes.find { it.name == 'it.phv.D1ExportVictimTest' && it.probe == 1 }
// the fork the victim died in ran the polluter before it, and not the hog
def failing = report.probes.find { it.id == leak.probes[0] }
assert failing.id > 1
assert failing.classes.indexOf('it.phv.B1SessionRegistryTest') in 0..<failing.classes.indexOf('it.phv.D1ExportVictimTest') : failing.classes
assert !failing.classes.contains('it.phv.C1PluginLoaderHogTest') : failing.classes
// suite, hog alone (then the rest, which it takes with it), the rest after what CI runs before the hog, victim alone,
// [polluter, victim], confirmation
assert report.probes.size() <= 7 : report.probes*.purpose
return true
