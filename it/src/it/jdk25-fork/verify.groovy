import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.environment.forkJdk.startsWith('25') : "the forks ran on ${report.environment.forkJdk}"
assert report.environment.mavenJdk.startsWith('17')
assert report.culprits*.victim == ['it.jdk.HogTest']
assert report.culprits[0].cause == 'heap-oom'
assert report.classes.find { it.name == 'it.jdk.RuntimeVersionTest' }.outcome == 'passed'
return true
