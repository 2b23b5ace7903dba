import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits*.victim
def c = report.culprits[0]
assert c.kind == 'cumulative'
assert c.victim == 'it.meta.C2ScriptEngineTest'
assert c.polluters == ['it.meta.B1PluginRegistryTest']
assert c.cause == 'metaspace-oom'
assert c.retainedBytes['it.meta.B1PluginRegistryTest'] > 4L * 1024 * 1024 : "metaspace left behind: ${c.retainedBytes}"
return true
