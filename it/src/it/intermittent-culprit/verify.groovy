import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found' : 'an intermittent culprit is reported, not dropped'
assert report.culprits.size() == 1 : report.culprits
def c = report.culprits[0]
assert c.kind == 'intermittent'
assert c.victim == 'it.flaky.B1CacheStampedeTest'
assert c.polluters.isEmpty() : 'no polluter invented'
assert c.cause == 'heap-oom'
assert c.reproduced == 1 && c.attempts >= 2 : "reproduced ${c.reproduced} of ${c.attempts}"
return true
