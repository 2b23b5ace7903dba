import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'no-culprit'
assert report.settings.maxHeapBytes == null
def log = new File(basedir, 'build.log').text
assert log.contains("no limit was set") && log.contains('-Dmemprobe.maxHeap=') : 'tells how to set CI limits'
return true
