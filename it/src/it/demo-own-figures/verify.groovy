import groovy.json.JsonSlurper

// The bundled demo's classes at -Xmx1g: the hog fits, and the classes after it run in a heap full of its garbage.
// Every class is ranked and shown by its own figures, so none after CatalogImportTest looks heavy.
def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
def MiB = 1024L * 1024

assert report.verdict == 'no-culprit'
assert report.classes.size() == 9
def byName = report.classes.collectEntries { [(it.name.tokenize('.').last()): it] }
def hog = byName.CatalogImportTest
assert report.classes[0].name.endsWith('CatalogImportTest') : 'it runs first, in the demo\'s order'
report.classes.each { c ->
    assert c.own != null : "${c.name} has its own figures"
    assert c.own.allocatedBytes != null
    assert c.own.kept in ['exact', 'estimated', 'at-most'] && c.own.needed in ['measured', 'at-most']
    if (c.own.kept != 'estimated' || c.own.needed != 'measured') {
        // a figure that is not measured from the collections says why
        assert c.own.kept == 'estimated' || c.own.note : "${c.name}: ${c.own}"
    }
    assert c.heapPeakBytes <= 1024L * MiB : "${c.name}: the fork's heap peak is capped at the max heap"
}
// the hog: it needed its catalog, about 450 MiB, and its test method is named with its figures
assert hog.own.neededBytes >= 300 * MiB : hog.own
assert hog.own.allocatedBytes >= 400 * MiB
assert hog.methods*.name == ['importsTheWholeSupplierCatalog']
assert hog.methods[0].allocatedBytes >= 400 * MiB
// no class after the hog ranks above it, or looks heavy: each needed and kept little of its own, although the fork's
// levels while it ran are the hog's
report.classes.findAll { it != hog }.each { c ->
    assert c.own.neededBytes < 64 * MiB : "${c.name} needed ${c.own}"
    assert c.own.keptBytes < 64 * MiB : "${c.name} kept ${c.own}"
    assert c.own.neededBytes < hog.own.neededBytes
}
assert report.classes.findAll { it != hog }.any { it.heapPeakBytes >= 400 * MiB } : 'the fork-level figures stay, as the fork\'s'
assert byName.MoneyTest.methods.size() == 3

def md = new File(basedir, 'target/memprobe/report.md').text
def table = md.substring(md.indexOf('#### Classes by their own heap'))
table = table.substring(0, table.indexOf('\n\n', table.indexOf('|---')))
def rows = table.readLines().findAll { it.startsWith('| `') }
assert rows.size() == 9
assert rows[0].contains('CatalogImportTest') : "the hog ranks first:\n${table}"
assert table.contains("| Kept | Needed | Allocated | Fork's live heap | Fork's RSS peak |") : 'every figure is the class\'s own or labelled as the fork\'s'
assert !md.contains('Classes by heap peak')
assert md.contains("`CatalogImportTest`: `#importsTheWholeSupplierCatalog` allocated ")
assert md.contains('no collection ran while it ran') || md.contains('no garbage collection ran')

def html = new File(basedir, 'target/memprobe/report.html').text
assert html.contains("needed: the class's own peak") || html.contains('needed: the class&#39;s own peak') || html.contains('needed: the class&#x27;s own peak')
return true
