// build.log holds the eleven invocations one after the other; each starts with Maven's "Scanning for projects"
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 11 : "eleven invocations, found ${runs.size()}"

def expected = [
    'No compiled test classes in target/test-classes: compile them in the same build, e.g. mvn test-compile memprobe:bisect',
    'memprobe.maxHeap=4gigs is not a size: write it like a JVM size',
    'memprobe.maxHeap=-1m is not a size',
    'memprobe.maxHeap=2g is not below memprobe.memoryLimit=1g',
    'does-not-exist.txt does not exist: give the path of a file listing one test class or Surefire pattern a line',
    'empty.txt lists no test class',
    'line 1: it.bad.CartTset (did you mean it.bad.CartTest?)',
    'memprobe.forkTimeout=-5 is not a duration',
    'memprobe.strategy=fastest is not a strategy: use one of bisect, batches, isolated',
    "The project's Surefire test set is empty",
    'memprobe.outputDirectory /proc/memprobe-cannot-write-here is not writable',
]
runs.eachWithIndex { run, i ->
    assert run.contains('BUILD FAILURE') : "invocation ${i + 1} should fail"
    assert run.contains(expected[i]) : "invocation ${i + 1} should say: ${expected[i]}"
    def errors = run.readLines().findAll { it.startsWith('[ERROR]') }
    assert !run.readLines().any { it.trim().startsWith('at ') } : "invocation ${i + 1} printed a stack trace"
    assert !errors.any { it =~ /(Exception|Error):/ && !it.contains('memprobe') } : "invocation ${i + 1}: ${errors}"
}
assert runs[6].contains('line 3: **/Nothing*.java') : 'every unknown entry is listed'
assert !runs[6].contains('line 2') : 'a known class is not'

// the unwritable output folder is found before any fork starts
assert !runs[10].contains('probe 1: ')

// nothing half-written: no report from any of these runs
assert !new File(basedir, 'target/memprobe/report.json').exists()
return true
