import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits*.victim
def c = report.culprits[0]
assert c.victim == 'it.threads.ListenerLeakTest'
// out of threads: the JVM either throws "unable to create native thread" or, when malloc fails first while it
// handles that, crashes for want of native memory; both are deaths of memory, and the same one
assert c.cause in ['thread-oom', 'jvm-crash'] : c.cause
assert c.memory
assert c.evidence.any { it.contains('native thread') || it.contains('ran out of native memory') } : c.evidence
assert c.kind == 'single' : 'the runs agree it is one death of memory'
assert report.probes[0].cause in ['thread-oom', 'jvm-crash']
def leak = report.classes.find { it.name == 'it.threads.ListenerLeakTest' }
assert leak.threadsPeak > 100 : "the class started threads until none could start: ${leak.threadsPeak} at peak"
return true
