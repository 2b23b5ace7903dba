import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits*.victim
def c = report.culprits[0]
assert c.kind == 'cumulative' && c.polluters == ['it.refresh.B1PriceRefresherTest']
def r = c.retainers[0]
assert r['class'] == 'it.refresh.B1PriceRefresherTest' && r.skipped == null : r.skipped
// the threads it left running, named and counted
assert r.threads.size() == 1 : r.threads
def t = r.threads[0]
assert t.pattern == 'price-refresher-N'
assert t.count == 5
assert t.names.sort() == (0..4).collect { "price-refresher-$it" }
assert t.daemon
assert t.runs.startsWith('it.refresh.B1PriceRefresherTest.') : t.runs
// where they were started: the line of the test that called Thread.start() (Flight Recorder's jdk.ThreadStart)
assert t.startedBy == 'it.refresh.B1PriceRefresherTest.startsTheRefreshers(B1PriceRefresherTest.java:21)' : t.startedBy
assert t.retainedBytes >= 5L * 16 * 1024 * 1024 : t.retainedBytes
// and what they hold: their frames' lists, one path for the five alike threads
def top = r.paths[0]
assert top.kind == 'frame' && top.roots == 5 : r.paths*.text
assert top.key == 'frame price-refresher-N it.refresh.B1PriceRefresherTest.refresh' : top.key
assert top.text.startsWith('5 × frame price-refresher-N it.refresh.B1PriceRefresherTest.refresh(') : top.text
assert top.share >= 0.8 : top.share
def md = new File(basedir, 'target/memprobe/report.md').text
assert md.contains('threads left running: 5 × price-refresher-N')
assert md.contains('started by it.refresh.B1PriceRefresherTest.startsTheRefreshers(B1PriceRefresherTest.java:21)')
return true
