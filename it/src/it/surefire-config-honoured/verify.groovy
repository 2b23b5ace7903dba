import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))

assert report.verdict == 'no-culprit' : report.summary
assert report.classes*.name.sort() == ['it.config.AnotherTest', 'it.config.OtherTest', 'it.config.SeesConfigurationTest']
report.classes.each { c ->
    assert c.outcome == 'passed' : "${c.name} failed: the fork did not get the project's configuration"
    assert c.failures == 0 && c.errors == 0
}
assert report.classes.find { it.name == 'it.config.SeesConfigurationTest' }.tests == 5
// forkCount=2 / reuseForks=false in the POM: still one fork for the whole suite
assert report.probes.size() == 1
assert report.probes[0].classes.size() == 3
// junit.jupiter.execution.parallel.enabled=true in the POM: forced off, and said so
assert report.probes[0].notes.any { it.contains('parallel') }
// a dependency of maven-surefire-plugin that memprobe's plugin does not declare: named in a warning
def log = new File(basedir, 'build.log').text
assert log.contains("[WARNING] memprobe: maven-surefire-plugin declares dependencies that memprobe's forks do not get:"
        + " org.junit.platform:junit-platform-engine.")
return true
