import groovy.json.JsonSlurper

def expected = basedir.name.substring('maven-'.length())
def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits*.victim == ['it.mvn.HogTest']
assert report.culprits[0].kind == 'single' && report.culprits[0].cause == 'heap-oom'
assert report.environment.mavenVersion.startsWith(expected) : "ran on Maven ${report.environment.mavenVersion}"
assert report.classes.size() == 2
if (expected.startsWith('4')) {
    assert report.settings.parallelProbes == 1
    assert new File(basedir, 'build.log').text.contains("forks run one at a time (Maven 4 keeps a goal's scope on its own thread)")
}
return true
