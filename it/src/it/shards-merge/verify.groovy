import groovy.json.JsonSlurper

def read = { path -> new JsonSlurper().parse(new File(basedir, path)) }
def all = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Hog'].collect { "it.shard.${it}Test".toString() }

// the shards partition the suite: every class in exactly one, sizes 3, 2, 2 in some order
def shards = (1..3).collect { read("target/shard-${it}/report.json") }
shards.eachWithIndex { s, i -> assert s.settings.shard == "${i + 1}/3" }
def parts = shards.collect { s -> s.classes*.name }
assert parts.flatten().sort() == all.sort()
assert parts.flatten().toSet().size() == all.size() : "a class in two shards: ${parts}"
assert parts*.size().sort() == [2, 2, 3]
assert shards.count { it.verdict == 'culprits-found' } == 1 : 'only the hog\'s shard has a culprit'
assert shards.findAll { it.verdict == 'no-culprit' }.every { it.probes.size() == 1 }

// the merged report: each class once, the hog the single culprit, probes numbered again
def merged = read('target/memprobe/report.json')
assert merged.settings.shard == 'merged 3 shards'
assert merged.classes*.name.sort() == all.sort()
assert merged.classes*.name.toSet().size() == merged.classes.size()
assert merged.verdict == 'culprits-found'
assert merged.culprits.size() == 1
def c = merged.culprits[0]
assert c.kind == 'single' && c.victim == 'it.shard.HogTest' && c.cause == 'heap-oom'
assert merged.probes*.id == (1..merged.probes.size()).toList()
assert merged.probes.size() == shards.sum { it.probes.size() }
c.probes.each { id -> assert merged.probes.find { it.id == id }.classes.contains('it.shard.HogTest') }
merged.classes.each { k -> assert merged.probes.find { it.id == k.probe }.classes.contains(k.name) }
assert merged.totals.classesInSet == 7 && merged.totals.classesRun == 7
assert merged.totals.probes == merged.probes.size()
assert merged.summary == '1 culprit: it.shard.HogTest (single, heap-oom)'

// every format, and the console
assert new File(basedir, 'target/memprobe/report.md').text.contains('it.shard.HogTest')
assert new File(basedir, 'target/memprobe/heavy-classes.txt').text.contains('it/shard/HogTest.java')
def log = new File(basedir, 'build.log').text
assert log.contains('memprobe: merged 3 shard reports (merged 3 shards) into target/memprobe/report.json')
assert log.contains('memprobe: shard 2/3: ') && log.contains(' of 7 test classes (placed by class-name hash)')
// the step summary: each shard's report.md, then the merged one, which the merge job appended itself
def summary = new File(basedir, 'step-summary.md').getText('UTF-8')
def sections = summary.split(/(?m)^(?=## memprobe: )/).findAll { it.trim() }
assert sections.size() == 4 : sections*.readLines()*.first()
assert sections[3].startsWith('## memprobe: 1 culprit') && sections[3].contains('merged 3 shards')
assert new File(basedir, 'build.log').text.contains('memprobe: added the merged report to the step summary step-summary.md')
return true
