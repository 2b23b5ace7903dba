def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] Failed to execute goal dev.memprobe:memprobe-maven-plugin')
assert log.contains('memprobe:check found 5 problems in reports/current/report.json:')
// the culprit first, then every class over a budget, each with its numbers and the budget that applied
def expected = [
    '[ERROR]   culprit it.budget.ThumbnailHogTest#rendersEveryThumbnail: heap OutOfMemoryError even when it runs alone (a memory hog); why: dies alone: heap OutOfMemoryError in ThumbnailHogTest#rendersEveryThumbnail (java.lang.OutOfMemoryError: Java heap space) (heap peak 2.1 GiB of 2 GiB max)',
    '[ERROR]   it.budget.CatalogImportTest held 1.2 GiB after GC (budget 1 GiB, <budget> it.budget.*ImportTest)',
    '[ERROR]   it.budget.PriceImportTest reached 1.7 GiB of resident memory (budget 1.5 GiB, <budget> it.budget.*ImportTest)',
    '[ERROR]   it.budget.SearchIndexTest held 612 MiB after GC (budget 512 MiB, memprobe.budget)',
    '[ERROR]   it.budget.ThumbnailHogTest held 1.9 GiB after GC (budget 512 MiB, memprobe.budget)',
]
def at = expected.collect { line -> log.indexOf(line) }
assert !at.contains(-1) : "missing: ${expected.findAll { !log.contains(it) }}"
assert at == at.sort(false) : 'offenders in order: culprits, then classes in report order'
// within their budgets: the first <budget> (2g) gives LegacyImportTest its live heap, the second its RSS
assert !log.contains('LegacyImportTest held') && !log.contains('LegacyImportTest reached')
assert !log.contains('CartTest held')
assert log.contains('See reports/current/report.html')
assert !(log =~ /(?m)^\s+at dev\.memprobe/) : 'no stack trace for a failed check'
return true
