import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found' : report.summary
assert report.culprits.size() == 2 : report.culprits*.victim
def steady = report.culprits.find { it.victim == 'it.flaky.B1SchemaLoaderHogTest' }
def flaky = report.culprits.find { it.victim == 'it.flaky.B2CacheStampedeTest' }
assert steady.kind == 'single' && steady.cause == 'metaspace-oom' && steady.reproduced == steady.attempts : steady
assert flaky.kind == 'intermittent' && flaky.cause == 'heap-oom' : flaky
assert flaky.polluters.isEmpty() : 'no polluter invented: ' + flaky.polluters
assert flaky.reproduced == 1 && flaky.attempts >= 2 : "reproduced ${flaky.reproduced} of ${flaky.attempts}"
assert report.findings.isEmpty() : report.findings*.message
// the steady hog took CI's fork with it before the other ran: the other's one death came in the fork for the rest
assert report.probes[0].inFlight == 'it.flaky.B1SchemaLoaderHogTest'
assert flaky.probes[0] > 1
assert report.probes.size() <= 6 : report.probes*.purpose
return true
