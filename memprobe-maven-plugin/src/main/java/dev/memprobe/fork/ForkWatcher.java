package dev.memprobe.fork;

import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.ErrorEvent;
import dev.memprobe.journal.ForkEvent;
import dev.memprobe.journal.GcOverheadEvent;
import dev.memprobe.journal.HeapDumpEvent;
import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.journal.JournalVisitor;
import dev.memprobe.journal.RecoveredEvent;
import dev.memprobe.journal.RunEndEvent;
import dev.memprobe.journal.ShutdownEvent;
import dev.memprobe.journal.TestEndEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Watches one fork from outside while it runs: reads its pid from the journal, then enforces
 * {@code memprobe.memoryLimit} (SIGKILL when resident memory passes it, as a container's OOM killer does) and
 * {@code memprobe.forkTimeout} (SIGTERM, then SIGKILL after a grace period, as a CI timeout does), and stops a fork
 * whose question is answered (a test failed of memory and the framework went on). Such a fork is stopped once the
 * class that failed has written its measurements (its {@code class-end}, or the {@code error} record of a framework
 * that gives up), or after {@link #MEASUREMENT_WAIT} when they do not come: stopped at the failed test itself, the
 * culprit would lose its own numbers. A probe that runs the suite ({@code stopOnMemoryError} false) lets the fork go
 * on past a memory error only when the provider journaled {@code recovered} for that class first: a full collection
 * gave the heap back. With {@code memprobe.stopOnGcOverhead}, a fork that journals {@code gc-overhead} (it is past
 * saving: most of the last seconds in collections, the heap nearly full after each) is stopped with SIGKILL at once,
 * as the memory limit does: its line carries the class's measurements so far, and the probe's question was answered
 * when the collector stopped freeing memory.
 */
public final class ForkWatcher implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    /** How long a fork whose test failed of memory may go on to write that class's measurements. */
    static final Duration MEASUREMENT_WAIT = Duration.ofSeconds(2);

    private final JournalTail journal;
    private final long memoryLimit;
    private final Duration timeout;
    private final Duration grace;
    private final boolean stopOnMemoryError;
    private final boolean stopOnGcOverhead;
    private final ProcessControl control;
    private final LongConsumer pidListener;
    private final LongSupplier nanoTime;
    private final Thread thread;
    private final long started;

    private volatile boolean closing;
    private volatile long pid = -1;
    private volatile ForkEnd.WatchdogAction action = new ForkEnd.NoAction();
    private final Reactions reactions = new Reactions();
    private long terminatedAt = -1;
    /** How long the heap dumps the fork journaled stopped it: not the tests' time, so not counted by the timeout. */
    private long dumpMillis;

    private String stopAfter;
    private long stopAt = -1;
    /** Classes after whose memory error the provider saw the heap given back, and lets the fork go on. */
    private final Set<String> recovered = new HashSet<>();

    /**
     * @param memoryLimit bytes, or -1 for none
     * @param timeout null for none
     * @param stopOnGcOverhead whether a fork that journals {@code gc-overhead} is stopped
     * @param pidListener told the fork's pid as soon as it is known (to stop it if Maven is stopped)
     */
    public ForkWatcher(
            Path journal,
            long memoryLimit,
            Duration timeout,
            Duration grace,
            boolean stopOnMemoryError,
            boolean stopOnGcOverhead,
            ProcessControl control,
            LongConsumer pidListener) {
        this(
                journal,
                memoryLimit,
                timeout,
                grace,
                stopOnMemoryError,
                stopOnGcOverhead,
                control,
                pidListener,
                System::nanoTime);
    }

    ForkWatcher(
            Path journal,
            long memoryLimit,
            Duration timeout,
            Duration grace,
            boolean stopOnMemoryError,
            boolean stopOnGcOverhead,
            ProcessControl control,
            LongConsumer pidListener,
            LongSupplier nanoTime) {
        this.journal = new JournalTail(journal);
        this.memoryLimit = memoryLimit;
        this.timeout = timeout;
        this.grace = grace;
        this.stopOnMemoryError = stopOnMemoryError;
        this.stopOnGcOverhead = stopOnGcOverhead;
        this.control = control;
        this.pidListener = pidListener;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.thread = new Thread(this::watch, "memprobe-watchdog");
        this.thread.setDaemon(true);
    }

    public ForkWatcher start() {
        thread.start();
        return this;
    }

    /** Stops watching and says what the watchdog did. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Everything the journal held, read to its end: the lines the watcher read while the fork ran and the rest, each
     * read and decoded once. Call once the fork has ended.
     */
    public JournalContents journal() {
        return journal.finish();
    }

    public ForkEnd.WatchdogAction action() {
        return action;
    }

    /** The fork's pid, or -1 before its journal named it. */
    public long pid() {
        return pid;
    }

    private void watch() {
        while (!closing) {
            try {
                poll();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void poll() {
        readJournal();
        long current = pid;
        if (current < 0 || !(action instanceof ForkEnd.NoAction || action instanceof ForkEnd.TimedOut)) {
            return;
        }
        if (action instanceof ForkEnd.TimedOut timedOut) {
            if (!timedOut.killedAfterGrace()
                    && elapsedMillis() - terminatedAt > grace.toMillis()
                    && control.alive(current)) {
                control.kill(current);
                action = new ForkEnd.TimedOut(timedOut.timeoutMillis(), true);
            }
            return;
        }
        if (stopAfter != null && elapsedMillis() >= stopAt) {
            stop();
            return;
        }
        if (memoryLimit > 0) {
            long rss = control.residentBytes(current);
            if (rss > memoryLimit) {
                action = new ForkEnd.KilledOverMemoryLimit(rss, memoryLimit);
                control.kill(current);
                return;
            }
        }
        if (timeout != null && elapsedMillis() - dumpMillis > timeout.toMillis()) {
            action = new ForkEnd.TimedOut(timeout.toMillis(), false);
            terminatedAt = elapsedMillis();
            control.terminate(current);
        }
    }

    private long elapsedMillis() {
        return (nanoTime.getAsLong() - started) / 1_000_000L;
    }

    /** What the fork journaled since the last poll, seen by the watcher's reactions. */
    private void readJournal() {
        for (JournalEvent event : journal.readNew()) {
            event.accept(reactions);
        }
    }

    /**
     * What the watcher does on the journal's lines: learn the pid, note recoveries, stop after a memory error or once
     * the fork is past saving.
     */
    private final class Reactions implements JournalVisitor {

        @Override
        public void fork(ForkEvent event) {
            if (pid < 0) {
                pid = event.pid();
                if (pid >= 0) {
                    pidListener.accept(pid);
                }
            }
        }

        @Override
        public void heapDump(HeapDumpEvent event) {
            dumpMillis += Math.max(0, event.millis());
        }

        @Override
        public void recovered(RecoveredEvent event) {
            if (!stopOnMemoryError) {
                recovered.add(event.className());
            }
        }

        @Override
        public void testEnd(TestEndEvent event) {
            if (!recovered.contains(event.className())
                    && stopAfter == null
                    && pid >= 0
                    && action instanceof ForkEnd.NoAction
                    && event.memoryKind() != null) {
                stopAfter = event.className();
                stopAt = elapsedMillis() + MEASUREMENT_WAIT.toMillis();
            }
        }

        @Override
        public void gcOverhead(GcOverheadEvent event) {
            // a test that failed of memory stops the fork in a moment, and with a verdict of its own
            if (stopOnGcOverhead && stopAfter == null && pid >= 0 && action instanceof ForkEnd.NoAction) {
                action = new ForkEnd.StoppedOnGcOverhead(
                        event.className(),
                        event.method(),
                        event.windowMillis(),
                        event.gcMillis(),
                        event.collections(),
                        event.leastLive(),
                        event.maxHeap());
                control.kill(pid);
            }
        }

        @Override
        public void classEnd(ClassEndEvent event) {
            measurementsWritten();
        }

        @Override
        public void error(ErrorEvent event) {
            measurementsWritten();
        }

        @Override
        public void shutdown(ShutdownEvent event) {
            measurementsWritten();
        }

        @Override
        public void runEnd(RunEndEvent event) {
            measurementsWritten();
        }

        private void measurementsWritten() {
            if (stopAfter != null) {
                stop();
            }
        }
    }

    /** Stops the fork whose test failed of memory, once. */
    private void stop() {
        if (action instanceof ForkEnd.NoAction) {
            action = new ForkEnd.StoppedAfterMemoryError(stopAfter);
            control.kill(pid);
        }
        stopAfter = null;
    }
}
