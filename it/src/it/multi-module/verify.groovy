import groovy.json.JsonSlurper

def read = { String module, String folder ->
    new JsonSlurper().parse(new File(basedir, "${module}/target/${folder}/report.json"), 'UTF-8')
}
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 2 : "two invocations, found ${runs.size()}"

['memprobe', 'memprobe-parallel'].eachWithIndex { folder, i ->
    // service: its own three classes only, lib's Catalog on the fork's classpath, the hog found
    def service = read('service', folder)
    assert service.project == 'it.multi:service'
    assert service.verdict == 'culprits-found'
    assert service.culprits*.victim == ['it.multi.service.CatalogImportTest'] : "${folder}: ${service.culprits*.victim}"
    assert service.culprits[0].kind == 'single' && service.culprits[0].cause == 'heap-oom'
    assert service.culprits[0].method == 'importsTheWholeCatalog'
    assert service.classes*.name.sort() == ['it.multi.service.CatalogImportTest', 'it.multi.service.OrderServiceTest',
                                            'it.multi.service.PricingTest']
    assert service.classes.find { it.name == 'it.multi.service.OrderServiceTest' }.outcome == 'passed' :
            'a test that uses lib passes: the SNAPSHOT sibling is on the classpath'
    // whole suite (going on past the hog, the first class), hog alone: its confirmation
    assert service.probes.size() == 2

    // web: passing, no culprit, only its own classes
    def web = read('web', folder)
    assert web.project == 'it.multi:web'
    assert web.verdict == 'no-culprit' && web.culprits.isEmpty()
    assert web.classes*.name.sort() == ['it.multi.web.CartPageTest', 'it.multi.web.HomePageTest']
    assert web.classes.every { it.outcome == 'passed' }
    assert web.probes.size() == 1

    // lib and the root have no tests: skipped with one line, no report, no failure
    assert !new File(basedir, "lib/target/${folder}").exists()
    // the root has no report of its own, but the page that links every module's
    assert !new File(basedir, "target/${folder}/report.json").exists()
    def overview = new File(basedir, "target/${folder}/index.html").getText('UTF-8').replace('<wbr>', '')
    assert overview.contains("<a href=\"../../service/target/${folder}/report.html\">it.multi:service</a>")
    assert overview.contains("<a href=\"../../web/target/${folder}/report.html\">it.multi:web</a>")
    assert overview.contains('1 culprit in 2 modules searched')
    assert new File(basedir, "target/${folder}/report.css").isFile()
    def run = runs[i]
    assert run.contains('BUILD SUCCESS')
    assert run.contains('memprobe: skipped, it.multi:lib has no tests (no test sources in [lib/src/test/java], no compiled test classes)')
    assert run.contains('memprobe: skipped, it.multi:multi-module has no tests')
    // testkit has compiled test classes, none a test: skipped as mvn test goes on with "No tests to run."
    assert !new File(basedir, "testkit/target/${folder}").exists()
    assert run.contains('memprobe: skipped, no class in testkit/target/test-classes matches the Surefire includes and'
            + ' excludes (mvn test: "No tests to run.")')
    // report paths from where Maven was started
    assert run.contains("Reports: service/target/${folder}/report.html")
    assert run.contains("Reports: web/target/${folder}/report.html")
}

// -T 2: the same verdict, and every memprobe line names its module (they interleave)
def sequential = runs[0].readLines()
def parallel = runs[1].readLines()
assert sequential.any { it.startsWith('[INFO] probe 1: the whole suite, 3 classes') } : 'no label without -T'
assert sequential.any { it.startsWith('[INFO] memprobe: every module\'s report, linked from one page: target/memprobe/index.html') }
assert parallel.any { it.startsWith('[INFO] [service] probe 1: the whole suite, 3 classes in Surefire\'s run order  -> CatalogImportTest#importsTheWholeCatalog: heap OutOfMemoryError; the fork went on with the classes after it') }
assert parallel.any { it.startsWith('[INFO] [web] probe 1: the whole suite, 2 classes in Surefire\'s run order  -> no memory failure') }
assert parallel.any { it.startsWith('[WARNING] [service]   culprit: it.multi.service.CatalogImportTest#importsTheWholeCatalog') }
assert !parallel.any { it =~ /^\[(INFO|WARNING)\] (probe |memprobe:)/ } : 'an unlabelled memprobe line in the -T build'
return true
