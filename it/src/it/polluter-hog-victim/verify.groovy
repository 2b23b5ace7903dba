import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits*.kind == ['single', 'cumulative'] : report.culprits*.victim
def hog = report.culprits[0]
def leak = report.culprits[1]
assert hog.victim == 'it.order.C1ThumbnailHogTest' && hog.cause == 'heap-oom'
assert hog.evidence.any { it.contains('the fork went on after its memory error') } : hog.evidence
// the victim died in the first probe, after the hog, of the polluter's memory: no fresh fork was needed for it
assert leak.victim == 'it.order.D1ExportVictimTest' && leak.cause == 'heap-oom'
assert leak.polluters == ['it.order.B1SessionRegistryTest']
assert leak.probes[0] == 1 : leak.probes

def first = report.probes[0]
assert first.outcome == 'memory-error'
assert first.classes.size() == 6
assert first.notes.any { it.startsWith('the fork went on after the OutOfMemoryError of it.order.C1ThumbnailHogTest') }
// suite, hog alone, victim alone, [polluter, victim] (the confirmation: the suite's death was the first sighting):
// no fork for the classes after them
assert report.probes.size() == 4 : report.probes*.purpose
assert leak.reproduced == 2 && leak.attempts == 2 : "${leak.reproduced} of ${leak.attempts}"
assert report.classes.size() == 6

def journal = new File(basedir, 'target/memprobe/probes/probe-1/journal.jsonl').readLines()
assert journal.count { it.contains('"event":"recovered"') } == 2
assert journal.last().contains('"event":"run-end"')
return true
