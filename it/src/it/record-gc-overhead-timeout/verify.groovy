import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('There was a timeout in the fork') : 'Surefire ended the crawling fork'

// the post-mortem names the crawl that the fork's last seconds were, before Maven's own error
def postMortem = log.indexOf('memprobe post-mortem of surefire:test (default-test)')
assert postMortem >= 0
assert postMortem < log.indexOf('[ERROR] Failed to execute goal')
def died = log.readLines().find { it.contains(') died: ') }
assert died != null
assert died.contains('died: fork timeout, while it.crawl.CacheTest#warmsTheCache ran') : died
assert died =~ /before that, it was past saving while it\.crawl\.CacheTest#warmsTheCache ran: \d+% of the last 10 s in GC/ : died

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.settings.strategy == 'record'
assert report.settings.stopOnGcOverhead == false : 'a recording only reports'
def dead = report.probes.find { it.outcome == 'died' }
assert dead != null && dead.inFlight == 'it.crawl.CacheTest'
assert dead.evidence.contains('past saving while it.crawl.CacheTest#warmsTheCache ran') : dead.evidence
assert dead.cause == 'timeout' : 'Surefire ended it, memprobe did not stop it: ' + dead.cause + ': ' + dead.evidence
return true
