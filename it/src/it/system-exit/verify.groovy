import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1
def c = report.culprits[0]
assert c.victim == 'it.exit.CliMainTest'
assert c.kind == 'single'
assert c.cause == 'exit'
assert c.exitCode == 3
assert c.method == 'mainReportsBadArguments'
assert c.evidence.any { it.contains('System.exit(3)') && it.contains('CliMainTest.main(CliMainTest.java') } : c.evidence
// a System.exit is no memory problem: nothing goes to heavy-classes.txt
assert !new File(basedir, 'target/memprobe/heavy-classes.txt').text.contains('CliMainTest')
return true
