def log = new File(basedir, 'build.log').text

assert log.contains('memprobe:check found 2 problems in reports/current/report.json:')
assert log.contains('[ERROR]   it.growth.CatalogImportTest held 612 MiB after GC, up 212 MiB (+53%) from 400 MiB in the baseline (allowed: +25% and more than 32 MiB)')
assert log.contains('[ERROR]   it.growth.SessionCacheTest held 260 MiB after GC, up 110 MiB (+73%) from 150 MiB in the baseline (allowed: +25% and more than 32 MiB)')
assert !log.contains('it.growth.CartTest held') : '4 MiB -> 20 MiB is +400% but under the 32 MiB floor'
assert !log.contains('it.growth.SearchIndexTest held') : '+20% is within +25%'
assert !log.contains('it.growth.NewFeatureTest held') : 'a class the baseline does not have cannot regress'
assert !(log =~ /(?m)^\s+at dev\.memprobe/)
return true
