import groovy.json.JsonSlurper

def read = { String folder -> new JsonSlurper().parse(new File(basedir, folder + '/report.json')) }
def mib = 1024L * 1024

// without the parameter nothing is forced: no retained sizes
def plain = read('target/memprobe-default')
assert plain.verdict == 'no-culprit'
assert plain.settings.exactRetained == false
assert plain.classes.size() == 4
assert plain.classes.every { it.retainedBytes == null } : plain.classes

// with it, every class has the heap left after full collections at its end; the differences are what each kept
def exact = read('target/memprobe')
assert exact.verdict == 'no-culprit'
assert exact.settings.exactRetained == true
def byName = exact.classes.collectEntries { [(it.name - 'it.exact.'): it] }
assert byName.keySet() == ['A1PlainTest', 'B1RegistryTest', 'C1SnapshotTest', 'D1TailTest'] as Set
assert byName.values().every { it.retainedBytes != null && it.retainedBytes > 0 } : exact.classes
def kept = { String name, String before -> byName[name].retainedBytes - byName[before].retainedBytes }
assert kept('B1RegistryTest', 'A1PlainTest') >= 23 * mib && kept('B1RegistryTest', 'A1PlainTest') <= 27 * mib :
        "the registry keeps 24 MiB: ${exact.classes}"
assert kept('C1SnapshotTest', 'B1RegistryTest') >= 15 * mib && kept('C1SnapshotTest', 'B1RegistryTest') <= 19 * mib :
        "the humongous snapshot keeps 16 MiB: ${exact.classes}"
assert Math.abs(kept('D1TailTest', 'C1SnapshotTest')) < 2 * mib : "the tail keeps nothing: ${exact.classes}"
return true
