import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 2 : report.culprits*.victim
def hog = report.culprits.find { it.kind == 'single' }
def leak = report.culprits.find { it.kind == 'cumulative' }
assert hog.victim == 'it.both.B1ThumbnailHogTest' && hog.cause == 'heap-oom'
assert leak.victim == 'it.both.D1ExportVictimTest'
assert leak.polluters == ['it.both.C2SessionRegistryTest']
assert leak.cause == 'heap-oom'
assert report.classes.size() == 8
return true
