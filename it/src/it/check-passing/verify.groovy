def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] memprobe: check passed for 4 classes: within their budgets, no growth beyond +25% and more than 32 MiB against reports/main/report.json, no culprit')
// QuickTest ran no collection, so its live heap is unknown; its heap peak (48 MiB, an upper bound) is within budget
assert !log.contains('not checked')
assert !log.contains('[ERROR]') && !log.contains('[WARNING] memprobe')
// a budget of 1m would fail every class: these runs must have skipped
assert log.contains('[INFO] memprobe: check skipped because tests are skipped (skipTests or maven.test.skip)')
assert log.contains('[INFO] memprobe: check skipped (memprobe.skip=true)')
assert log.count('BUILD SUCCESS') == 3
return true
