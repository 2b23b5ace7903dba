import groovy.json.JsonSlurper

def expected = basedir.name.substring('maven-'.length())
def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits*.victim == ['it.mvn.HogTest']
assert report.culprits[0].kind == 'single' && report.culprits[0].cause == 'heap-oom'
assert report.environment.mavenVersion.startsWith(expected) : "ran on Maven ${report.environment.mavenVersion}"
assert report.classes.size() == 2
return true
