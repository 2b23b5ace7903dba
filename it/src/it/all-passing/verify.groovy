import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))

assert report.verdict == 'no-culprit'
assert report.culprits.isEmpty()
assert report.findings.isEmpty()
assert report.probes.size() == 1 : 'an all-passing suite costs one fork'
assert report.probes[0].outcome == 'completed'
assert report.classes.size() == 7
report.classes.each { c ->
    assert c.outcome == 'passed'
    assert c.tests == 1
    assert c.heapPeakBytes > 0 && c.rssPeakBytes > 0 && c.durationMs >= 0
    assert c.threadsPeak > 0
    assert c.allocatedBytes >= 16L * 1024 * 1024 : "${c.name} allocated 16 MiB, measured ${c.allocatedBytes}"
}
assert report.summary.startsWith('No memory failure')
assert report.totals.classesRun == 7 && report.totals.classesInSet == 7
assert new File(basedir, 'build.log').text.contains('memprobe: no culprit')
return true
