import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.culprits*.victim == ['it.ng.ReportBuilderTest'] : report.culprits*.victim
assert report.culprits[0].cause == 'heap-oom'
def calculator = report.classes.find { it.name == 'it.ng.CalculatorTest' }
assert calculator.outcome == 'passed' && calculator.tests == 2
return true
