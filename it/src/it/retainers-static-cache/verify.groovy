import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits*.victim
def c = report.culprits[0]
assert c.kind == 'cumulative' && c.polluters == ['it.cache.B1PriceCatalogTest']
assert c.retainers.size() == 1 : c.retainers
def r = c.retainers[0]
assert r['class'] == 'it.cache.B1PriceCatalogTest' && r.role == 'polluter'
assert r.skipped == null : r.skipped
assert r.dump.phase == 'end' && r.dump.baseline == 'start' && r.dump.deleted
assert r.dump.dumpMillis != null && r.dump.analysisMillis != null && r.dump.bytes > 80L * 1024 * 1024
def top = r.paths[0]
// the report names the field, and it holds at least 80% of what the polluter kept
assert top.key == 'static it.cache.B1PriceCatalogTest.ENTRIES' : r.paths*.text
assert top.kind == 'static'
assert top.text.startsWith('static it.cache.B1PriceCatalogTest.ENTRIES → java.util.HashMap (1,280 entries) → ') : top.text
assert top.holds.type == 'byte[]' && top.holds.count == 1280
assert top.share >= 0.8 : "the field holds ${top.share} of what the polluter kept"
long kept = c.retainedBytes['it.cache.B1PriceCatalogTest']
assert top.grownBytes >= 0.8 * kept : "the field grew ${top.grownBytes} of the ${kept} bytes the class kept"
// the dumps hold the tests' data: none is left behind
def left = []
new File(basedir, 'target/memprobe').eachFileRecurse { if (it.name.endsWith('.hprof')) left << it }
assert left.isEmpty() : left
assert new File(basedir, 'target/memprobe/report.md').text.contains('What holds the memory')
assert new File(basedir, 'target/memprobe/report.html').text.contains('What holds the memory')
def log = new File(basedir, 'build.log').text
assert log.contains('holds: static it.cache.B1PriceCatalogTest.ENTRIES → java.util.HashMap')
return true
