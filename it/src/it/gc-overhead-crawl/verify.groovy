import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
def mib = 1024L * 1024
report.probes.each { println "probe ${it.id}: ${it.outcome} ${it.cause} in ${it.inFlight}, ${it.wallMs} ms" }

// the crawling cache is the one culprit, a death of memory on memprobe's own limit, and it crawled alone too
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : "culprits: ${report.culprits*.victim}"
def culprit = report.culprits[0]
assert culprit.kind == 'single'
assert culprit.victim == 'it.crawl.C1CacheTest'
assert culprit.method == 'warmsTheCache'
assert culprit.cause == 'gc-overhead'
assert culprit.exitCode == 137
assert culprit.reproduced == culprit.attempts && culprit.attempts == 2
def evidence = culprit.evidence.join('\n')
assert evidence =~ /memprobe stopped the fork with SIGKILL: \d+% of the last 10 s in GC \([\d,]+ collections\), at least [\d.]+ MiB of 64 MiB live after each \(memprobe\.stopOnGcOverhead\)/

// the bound: the cache's class would crawl for 180 s; memprobe stops it within 30 s of its start (the measurements of
// its gc-overhead line), and each probe it crawls in takes under 60 s of wall time (the first with the 12 s of the
// heavy allocator before it)
def crawled = report.probes.findAll { it.cause == 'gc-overhead' }
assert crawled*.id == [1, 2] : "probes stopped as past saving: ${crawled*.id}"
crawled.each {
    assert it.inFlight == 'it.crawl.C1CacheTest' && it.method == 'warmsTheCache'
    assert it.exitCode == 137
    assert it.wallMs < 60_000 : "probe ${it.id} took ${it.wallMs} ms"
}
def cache = report.classes.find { it.name == 'it.crawl.C1CacheTest' }
assert cache.outcome == 'died'
assert cache.durationMs >= 5_000 && cache.durationMs < 30_000 : "the cache's class crawled ${cache.durationMs} ms"
assert cache.heapPeakBytes >= 60 * mib

// the heavy allocator goes on: gigabytes allocated, thousands of collections, the heap far from full after them
def churn = report.classes.find { it.name == 'it.crawl.B1ChurnTest' }
assert churn.outcome == 'passed'
assert churn.durationMs >= 12_000 : 'long enough for memprobe to judge it: the window is 10 s'
assert churn.allocatedBytes >= 1024 * mib
assert churn.gcCount >= 500
assert churn.liveHeapMinBytes < 0.5 * 64 * mib
assert report.findings.every { !(it.classes ?: []).contains('it.crawl.B1ChurnTest') } : "findings: ${report.findings}"

// the class after the cache ran in a fresh fork, as after any fork that died
def report1 = report.classes.find { it.name == 'it.crawl.D1ReportTest' }
assert report1.outcome == 'passed'
assert report.probes.size() == 3

def log = new File(basedir, 'build.log').text
assert log.contains('C1CacheTest#warmsTheCache: GC overhead limit exceeded (exit 137), the fork died')
assert log.contains('culprit: it.crawl.C1CacheTest#warmsTheCache: GC overhead limit exceeded even when it runs alone (a memory hog)')
return true
