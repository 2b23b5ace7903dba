import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found' : report.summary
assert report.culprits.size() == 2 : report.culprits*.victim
def hog = report.culprits.find { it.kind == 'single' }
def leak = report.culprits.find { it.kind == 'cumulative' }
assert hog.victim == 'it.meta.C1ThumbnailHogTest' && hog.cause == 'heap-oom' : hog
assert leak.victim == 'it.meta.C2ScriptEngineTest' && leak.cause == 'metaspace-oom' : leak
assert leak.polluters == ['it.meta.B1PluginRegistryTest'] : 'neither the heap cache nor the hog: ' + leak.polluters
assert leak.retainedBytes['it.meta.B1PluginRegistryTest'] > 4L * 1024 * 1024 : leak.retainedBytes
assert leak.reproduced == leak.attempts
assert report.findings.isEmpty() : report.findings*.message
// the hog took CI's fork with it: the script engine never ran there
assert report.probes[0].outcome == 'died' && report.probes[0].inFlight == 'it.meta.C1ThumbnailHogTest'
def failing = report.probes.find { it.id == leak.probes[0] }
assert failing.id > 1 && failing.classes.contains('it.meta.B1PluginRegistryTest') : failing
assert report.probes.size() <= 8 : report.probes*.purpose
return true
