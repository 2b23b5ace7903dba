import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'), 'UTF-8')

// the planted hog, and nothing of the real suite, is blamed
assert report.verdict == 'culprits-found'
assert report.culprits*.victim == ['it.real.PlantedHogTest'] : report.culprits*.victim
def hog = report.culprits[0]
assert hog.kind == 'single' && hog.cause == 'heap-oom' && hog.method == 'keepsEveryChunk'

// the real suite ran, every class of it, and every class was measured
def real = report.classes.findAll { it.name.startsWith('org.apache.commons.collections4.') }
assert real.size() == 244 : "commons-collections4 4.5.0 has 244 test classes under its own includes, ran ${real.size()}"
assert report.totals.classesInSet == 245 && report.totals.classesRun == 245
assert real.sum { it.tests } > 10_000 : "about 12,000 tests, counted ${real.sum { it.tests }}"
real.each { c ->
    assert c.outcome == 'passed' : "${c.name} ${c.outcome}: the real suite passes under -Xmx1g in its working directory"
    assert c.heapPeakBytes > 0 && c.rssPeakBytes > 0 && c.metaspacePeakBytes > 0 : "${c.name} was not measured"
    assert c.durationMs >= 0
}
// data files read relative to the working directory: Surefire's <workingDirectory> was applied to the forks
assert real.find { it.name == 'org.apache.commons.collections4.collection.PredicatedCollectionTest' }.tests > 0
// the suite's one heavy class is measured as such: DefaultBloomFilterTest holds hundreds of MiB. By its heap peak:
// its bit maps are humongous objects that G1 puts straight in the old generation, so whether a collection ran while
// it held them (the live heap after GC) depends on timing, and other classes' peaks hold their garbage too
def bloom = real.find { it.name == 'org.apache.commons.collections4.bloomfilter.DefaultBloomFilterTest' }
assert bloom.heapPeakBytes >= 400L * 1024 * 1024 : "DefaultBloomFilterTest heap peak ${bloom.heapPeakBytes}"

// the whole suite, the hog alone, the rest: a few forks, not one per class
assert report.probes.size() <= 3 : "spent ${report.probes.size()} probes"
assert report.settings.maxHeapBytes == 1024L * 1024 * 1024
return true
