import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))

assert report.verdict == 'culprits-found'
def victims = report.culprits*.victim.sort()
assert victims == ['it.init.BeforeAllHogTest', 'it.init.StaticInitHogTest'] : "both hogs, nothing else: ${victims}"
report.culprits.each { c ->
    assert c.kind == 'single'
    assert c.cause == 'heap-oom'
    // @BeforeAll runs before any test; a static initializer runs when JUnit first touches the class, which is
    // before the test method's start is reported, or (as seen now and then) just after it
    def methods = c.victim == 'it.init.BeforeAllHogTest' ? [null] : [null, 'usesTheFixture']
    assert c.method in methods : "no test method was running in ${c.victim}: ${c.method}"
}
// the probe that died in each names the class even though no test method was in flight
report.probes.findAll { it.outcome == 'died' }.each { assert it.inFlight != null }
assert report.classes.find { it.name == 'it.init.AaaPlainTest' }.outcome == 'passed'
assert report.classes.find { it.name == 'it.init.ZzzPlainTest' }.outcome == 'passed'
return true
