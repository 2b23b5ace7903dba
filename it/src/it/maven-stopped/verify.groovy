import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath
// the same repository ids as the invoker's settings: the local repository remembers where artifacts came from
def settings = new File(basedir, 'stopped-settings.xml')
settings.text = new File(basedir, '../../../src/it/settings.xml').text.replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
def journal = new File(basedir, 'target/memprobe-stopped/probes/probe-1/journal.jsonl')

/** Starts memprobe on the hanging test, waits for its fork, stops Maven with the signal, returns the fork's pid. */
def runAndStop = { String signal ->
    journal.delete()
    def command = [mvn, '-B', '-o', '-s', settings, "-Dmaven.repo.local=${localRepositoryPath}", 'memprobe:bisect',
                   '-Dmemprobe.maxHeap=128m', '-Dtest=HangingTest', '-Dmemprobe.outputDirectory=target/memprobe-stopped']
    def maven = new ProcessBuilder(command*.toString()).directory(basedir)
            .redirectErrorStream(true).redirectOutput(new File(basedir, "stopped-${signal}.log")).start()
    long pid = -1
    for (int i = 0; i < 600 && pid < 0; i++) {
        if (journal.exists()) {
            def fork = journal.readLines().collect { new JsonSlurper().parseText(it) }.find { it.event == 'fork' }
            def started = journal.readLines().any { it.contains('"test-start"') }
            if (fork && started) {
                pid = fork.pid as long
            }
        }
        if (pid < 0) {
            assert maven.alive : "Maven ended before the fork started; see stopped-${signal}.log"
            maven.waitFor(100, TimeUnit.MILLISECONDS)
        }
    }
    assert pid > 0 : 'the fork never started'
    assert ProcessHandle.of(pid).map { it.alive }.orElse(false)
    assert ['kill', "-${signal}", "${maven.pid()}"].execute().waitFor() == 0
    assert maven.waitFor(60, TimeUnit.SECONDS) : 'Maven did not stop'
    return pid
}

def gone = { long pid, int seconds ->
    def fork = ProcessHandle.of(pid)
    if (fork.isEmpty()) {
        return true
    }
    try {
        fork.get().onExit().get(seconds, TimeUnit.SECONDS)
        return true
    } catch (java.util.concurrent.TimeoutException e) {
        return false
    }
}

// Ctrl-C: memprobe's shutdown hook kills the fork at once. A process started in the background by a
// non-interactive shell ignores SIGINT, and so does every process it starts (a JVM then installs no handler for it):
// there Ctrl-C cannot reach Maven at all, and only the other signals are tried.
def ignored = new File('/proc/self/status').readLines().find { it.startsWith('SigIgn:') }
boolean interruptIgnored = ignored != null && (Long.parseLong(ignored.split(/\s+/)[1], 16) & 2L) != 0
if (!interruptIgnored) {
    long interrupted = runAndStop('INT')
    assert gone(interrupted, 10) : "fork ${interrupted} survived Ctrl-C of Maven"
}

// a cancelled CI job: SIGTERM, and the same shutdown hook
long terminated = runAndStop('TERM')
assert gone(terminated, 10) : "fork ${terminated} survived SIGTERM of Maven"

// kill -9: no hook runs; the fork notices its parent died (Surefire's process checker) and exits
long orphan = runAndStop('KILL')
boolean ended = gone(orphan, 60)
if (!ended) {
    ProcessHandle.of(orphan).ifPresent { it.destroyForcibly() }
}
assert ended : "fork ${orphan} survived kill -9 of Maven"
return true
