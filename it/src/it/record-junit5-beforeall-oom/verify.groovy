import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 3

// forkCount=2: the post-mortem names the class, before Maven's own BUILD FAILURE and error
def first = runs[0]
def postMortem = first.indexOf('memprobe post-mortem of surefire:test (default-test) (2 forks recorded)')
assert postMortem >= 0
assert postMortem < first.indexOf('BUILD FAILURE')
assert postMortem < first.indexOf('[ERROR] Failed to execute goal')
assert first =~ /fork \d \(pid \d+\) died: heap OutOfMemoryError, while it\.rec\.BoomTest ran, outside its tests/
assert first.contains('settle it: mvn test-compile memprobe:bisect -Dmemprobe.from=target/memprobe/record')

// the hog first in its fork: the error the JUnit Platform rethrew is journaled, so the cause is the heap's
def alone = runs[1]
assert alone =~ /fork 1 \(pid \d+\) died: heap OutOfMemoryError, while it\.rec\.BoomTest ran, outside its tests.*java\.lang\.OutOfMemoryError: Java heap space/ : alone.readLines().findAll { it.contains('died:') }

// forkCount=1 (the last run's report): the classes after the death never ran, and are listed
def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.schemaVersion == 1
assert report.settings.strategy == 'record'
assert report.verdict == 'inconclusive'
assert report.culprits.isEmpty()
assert report.probes.size() == 1 && report.probes[0].recorded == true
def dead = report.probes[0]
assert dead.outcome == 'died' && dead.inFlight == 'it.rec.BoomTest'
assert dead.method == null : 'the death came in @BeforeAll, before any test method'
assert dead.cause == 'heap-oom' : "died of ${dead.cause}: ${dead.evidence}"
assert dead.evidence.contains('java.lang.OutOfMemoryError: Java heap space') : 'the error itself, journaled: ' + dead.evidence
assert report.classes.every { it.fork == '1' }
assert report.classes.findAll { it.outcome == 'passed' }.every { it.heapPeakBytes > 0 && it.tests == 2 }
def notRun = report.findings.find { it.kind == 'not-run' }
assert notRun != null : "findings: ${report.findings*.kind}"
def all = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Boom'].collect { "it.rec.${it}Test".toString() }
assert (notRun.classes + report.classes*.name).sort() == all.sort()
assert !notRun.classes.isEmpty()
assert runs[2].contains('not run: ' + notRun.classes[0])
assert report.totals.classesInSet == 8
return true
