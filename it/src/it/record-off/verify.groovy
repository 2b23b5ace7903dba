def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/memprobe').exists() : 'nothing recorded'
assert !log.contains('memprobe: recording')
// the goal's configuration is the project's: no recorder on the forks' classpath, no record folder
def classpaths = log.readLines().findAll { it.contains('test classpath:') || it.contains('boot classpath:') }
assert classpaths.size() >= 2
assert classpaths.every { !it.contains('memprobe') }
assert !log.contains('memprobe.record.dir')
return true
