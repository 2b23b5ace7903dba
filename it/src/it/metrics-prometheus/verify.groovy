def prom = new File(basedir, 'target/memprobe/metrics.prom')
assert prom.isFile() : 'metrics.prom is written when micrometer-registry-prometheus is a plugin dependency'
def text = prom.text
assert text.contains('# TYPE memprobe_class_heap_peak_bytes gauge')
assert text.contains('# TYPE memprobe_class_needed_bytes gauge') : 'each class\'s own figures are metrics too'
['it.metrics.AlphaTest', 'it.metrics.BetaTest'].each { name ->
    assert text =~ /memprobe_class_rss_peak_bytes\{class="${java.util.regex.Pattern.quote(name)}",outcome="passed",project="it.memprobe:metrics-prometheus"\} \d/
}
assert text.contains('memprobe_run_verdict{project="it.memprobe:metrics-prometheus",verdict="no-culprit"} 1.0')
assert new File(basedir, 'build.log').text.contains('memprobe: wrote ')
return true
