import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.verdict == 'no-culprit'
assert report.settings.strategy == 'record'
assert report.findings.isEmpty()
assert report.classes*.name.sort() == ['it.pass.AlphaTest', 'it.pass.BetaTest', 'it.pass.CacheTest']
assert report.classes.every { it.outcome == 'passed' && it.fork == '1' && it.heapPeakBytes > 0 && it.rssPeakBytes > 0 }
def cache = report.classes.find { it.name == 'it.pass.CacheTest' }
assert cache.liveHeapPeakBytes >= 40L << 20 : "the cache held ${cache.liveHeapPeakBytes} after GC"
assert new File(basedir, 'target/memprobe/record/report.md').exists()
assert new File(basedir, 'target/memprobe/record/report.html').text.contains('it.pass.CacheTest')
assert new File(basedir, 'step-summary.md').text.contains('memprobe')

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 2
assert runs[0].contains('memprobe: recorded surefire:test (default-test): 1 fork, 3 classes, no fork died')
assert runs[0].contains('BUILD SUCCESS')
assert runs[1] =~ /it\.pass\.CacheTest needed \d+(\.\d)? MiB of heap on top of what it found \(budget 16 MiB, memprobe\.budget\)/
assert !runs[1].contains('AlphaTest needed')
return true
