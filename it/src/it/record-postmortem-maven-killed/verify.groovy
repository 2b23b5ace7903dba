import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 2
assert !runs[0].contains('memprobe post-mortem') && !runs[0].contains('BUILD FAILURE') : 'Maven died before it could say anything'

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/record/report.json'))
assert report.findings*.kind.contains('maven-ended-first')
def fork = report.probes[0]
assert fork.outcome == 'died' && fork.inFlight == 'it.pm.MavenKilledTest' && fork.method == 'killsMaven'
assert report.classes.find { it.name == 'it.pm.AlphaTest' }.outcome == 'passed'
assert runs[1].contains('memprobe post-mortem of surefire:test (default-test) (1 fork recorded; Maven did not see it end)')
assert runs[1].contains('while it.pm.MavenKilledTest#killsMaven ran')
assert runs[1].contains('BUILD SUCCESS')
return true
