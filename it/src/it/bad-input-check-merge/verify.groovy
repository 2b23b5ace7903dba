def log = new File(basedir, 'build.log').text

def expected = [
    // bisect: a shard that does not exist, and one that is not a shard at all
    'memprobe.shard=3/2: there is no shard 3 of 2, use 1/2 to 2/2',
    'memprobe.shard=a/b is not a shard: write i/n, shard i of n counted from 1 (e.g. memprobe.shard=2/3)',
    // check: the baseline missing, not JSON, of another schema version; no report at all; a budget that is no size
    'memprobe.baseline downloads/main/report.json does not exist: fetch the baseline report first (e.g. main\'s target/memprobe/report.json), or leave memprobe.baseline unset',
    'memprobe.baseline reports/not-json.json is not a report memprobe can use: it is not valid JSON',
    'memprobe.baseline reports/schema-2.json is not a report memprobe can use: its schemaVersion is 2 but this memprobe reads version 1; make it again with this memprobe version',
    'memprobe\'s report target/memprobe/report.json does not exist: run memprobe:bisect first (mvn test-compile memprobe:bisect memprobe:check), or point memprobe.outputDirectory at the folder that holds report.json',
    'memprobe.budget=lots is not a size: write it like a JVM size',
    // merge: two reports of the same shard, made with different heaps; a folder without reports
    'memprobe cannot merge these 2 reports (reports/shards/a/report.json, reports/shards/b/report.json):',
    '[ERROR]   - shard 1/2 is there 2 times: reports/shards/a/report.json, reports/shards/b/report.json; pass each shard\'s report once',
    '[ERROR]   - maxHeap differs: 256 MiB in reports/shards/a/report.json; 512 MiB in reports/shards/b/report.json',
    'memprobe.reports=src holds no report.json (folders are searched with their sub-folders; target/memprobe, where the merged report goes, is left out): download the shard reports there first',
]
def missing = expected.findAll { !log.contains(it) }
assert missing.isEmpty() : "not in build.log: ${missing}"
assert log.count('BUILD FAILURE') == 9
assert log.count('[ERROR] Failed to execute goal dev.memprobe:memprobe-maven-plugin') == 9
assert !(log =~ /(?m)^\s+at dev\.memprobe/) : 'a user mistake gets a message, never a stack trace'
assert !(log =~ /(?m)^\[ERROR\] Caused by/)
assert !new File(basedir, 'target/memprobe/report.json').exists() : 'nothing is written when the input is bad'
assert !new File(basedir, 'target/memprobe/probes').exists() : 'no fork started'
return true
