package dev.memprobe.maven;

import dev.memprobe.fork.ProcessControl;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops every fork still running when Maven stops (Ctrl-C, a CI job cancelled): a shutdown hook for the duration of
 * one goal execution. The forks also watch their parent (Surefire's process checker), so a {@code kill -9} of Maven
 * takes them down too.
 */
final class ForkReaper implements AutoCloseable {

    private final ProcessControl control;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Thread hook;

    ForkReaper(ProcessControl control) {
        this.control = control;
        this.hook = new Thread(this::reap, "memprobe-fork-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void started(long pid) {
        running.add(pid);
    }

    void ended(long pid) {
        running.remove(pid);
    }

    private void reap() {
        for (long pid : running) {
            control.kill(pid);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }
}
