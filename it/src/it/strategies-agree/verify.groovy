import groovy.json.JsonSlurper

def read = { name -> new JsonSlurper().parse(new File(basedir, "target/memprobe-${name}/report.json")) }
def bisect = read('bisect')
def batches = read('batches')
def isolated = read('isolated')
def hogs = ['it.strat.B1ImportHogTest', 'it.strat.C3ExportHogTest']
[bisect, batches, isolated].each { r ->
    assert r.verdict == 'culprits-found'
    assert r.culprits*.victim.sort() == hogs : "${r.settings.strategy}: ${r.culprits*.victim}"
    assert r.culprits.every { it.kind == 'single' && it.cause == 'heap-oom' }
}
assert batches.settings.strategy == 'batches' && isolated.settings.strategy == 'isolated'
// one fork per class costs most; bisect least
assert isolated.probes.size() >= 9 + 2
assert bisect.probes.size() < batches.probes.size()
assert bisect.probes.size() < isolated.probes.size()
return true
