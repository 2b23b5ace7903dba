import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/memprobe/report.json'))
assert report.verdict == 'culprits-found'
assert report.culprits.size() == 1 : report.culprits*.victim
def c = report.culprits[0]
assert c.kind == 'cumulative' && c.cause == 'metaspace-oom'
assert c.polluters == ['it.meta.B1PluginHostTest']
def r = c.retainers[0]
assert r.skipped == null : r.skipped
// the plugins' loaders kept alive, as one group, and the reference that pins them: the thread's context loader
def loaders = r.classLoaders.find { it.type == 'it.meta.Classes$IsolatedLoader' }
assert loaders != null : r.classLoaders
assert loaders.count == 6000 && loaders.classes == 6000
assert loaders.pinnedBy.any {
    it.startsWith('thread plugin-watcher → java.lang.Thread "plugin-watcher" .contextClassLoader → '
            + 'it.meta.B1PluginHostTest$PluginLoader "plugins"')
} : loaders.pinnedBy
assert r.threads*.pattern == ['plugin-watcher']
def md = new File(basedir, 'target/memprobe/report.md').text
assert md.contains('class loaders kept alive: 6,000 × it.meta.Classes$IsolatedLoader')
return true
