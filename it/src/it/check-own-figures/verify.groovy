import groovy.json.JsonSlurper

// A leak early and a budget of 48 MiB: on the fork's level every class after the leak holds its 96 MiB and would fail;
// on their own figures they pass, and the build fails on the polluter alone.
def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
def MiB = 1024L * 1024

assert report.verdict == 'no-culprit' : 'nothing dies under -Xmx192m'
assert report.classes*.name == ['it.own.ACacheWarmupTest', 'it.own.BPlainTest', 'it.own.CPlainTest', 'it.own.DPlainTest', 'it.own.EPlainTest']
def leak = report.classes[0]
def later = report.classes.drop(1)
later.each { c ->
    assert c.gcCount > 0 : "${c.name} churned through collections"
    assert c.liveHeapPeakBytes > 48 * MiB : "${c.name} ran in a fork holding the leak: ${c.liveHeapPeakBytes}"
    assert c.own.neededBytes < 48 * MiB && c.own.keptBytes < 48 * MiB : "${c.name}'s own: ${c.own}"
    assert c.methods*.name == ['churns'] && c.methods[0].allocatedBytes >= 100 * MiB
}
assert leak.own.keptBytes >= 80 * MiB : "the polluter kept its cache: ${leak.own}"
assert leak.own.neededBytes >= 80 * MiB
assert leak.methods[0].name == 'warmsTheCache'

assert log.contains('memprobe:check found 1 problem in target/memprobe/report.json:')
assert log =~ /\[ERROR\]   it\.own\.ACacheWarmupTest needed [0-9.]+ MiB of heap on top of what it found \(budget 48 MiB, memprobe\.budget\)/
['BPlainTest', 'CPlainTest', 'DPlainTest', 'EPlainTest'].each { assert !log.contains("it.own.${it} needed") && !log.contains("it.own.${it} held") }
assert !(log =~ /(?m)^\s+at dev\.memprobe/)
return true
