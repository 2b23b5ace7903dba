import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))

assert report.verdict == 'culprits-found'
def victims = report.culprits*.victim.sort()
assert victims == ['it.init.BeforeAllHogTest', 'it.init.StaticInitHogTest'] : "both hogs, nothing else: ${victims}"
report.culprits.each { c ->
    assert c.kind == 'single'
    assert c.cause == 'heap-oom'
    assert c.method == null : "no test method was running in ${c.victim}"
}
// the probe that died in each names the class even though no test method was in flight
report.probes.findAll { it.outcome == 'died' }.each { assert it.inFlight != null }
assert report.classes.find { it.name == 'it.init.AaaPlainTest' }.outcome == 'passed'
assert report.classes.find { it.name == 'it.init.ZzzPlainTest' }.outcome == 'passed'
return true
