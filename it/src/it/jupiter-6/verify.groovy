import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.culprits*.victim == ['it.flavour.NestedHogTest'] : report.culprits*.victim
assert report.culprits[0].cause == 'heap-oom'
def shapes = report.classes.find { it.name == 'it.flavour.ShapesTest' }
assert shapes.outcome == 'passed'
// plain 1 + parameterized 3 + dynamic 3 + nested 1 + deeper 1, all counted for the one top-level class
assert shapes.tests == 9 : "counted ${shapes.tests} tests"
assert report.classes*.name.sort() == ['it.flavour.NestedHogTest', 'it.flavour.ShapesTest'] : 'nested classes are part of their top-level class'
return true
