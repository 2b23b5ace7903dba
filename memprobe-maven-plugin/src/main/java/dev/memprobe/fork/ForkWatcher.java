package dev.memprobe.fork;

import dev.memprobe.bisect.Cause;
import dev.memprobe.journal.Journal;
import dev.memprobe.journal.JournalEntry;
import dev.memprobe.journal.JournalReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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
 * gave the heap back.
 */
public final class ForkWatcher implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    /** How long a fork whose test failed of memory may go on to write that class's measurements. */
    static final Duration MEASUREMENT_WAIT = Duration.ofSeconds(2);

    private final Path journal;
    private final long memoryLimit;
    private final Duration timeout;
    private final Duration grace;
    private final boolean stopOnMemoryError;
    private final ProcessControl control;
    private final LongConsumer pidListener;
    private final LongSupplier nanoTime;
    private final Thread thread;
    private final long started;

    private volatile boolean closing;
    private volatile long pid = -1;
    private volatile ForkEnd.WatchdogAction action = new ForkEnd.NoAction();
    private long offset;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long terminatedAt = -1;
    private String stopAfter;
    private long stopAt = -1;
    /** Classes after whose memory error the provider saw the heap given back, and lets the fork go on. */
    private final Set<String> recovered = new HashSet<>();

    /**
     * @param memoryLimit bytes, or -1 for none
     * @param timeout null for none
     * @param pidListener told the fork's pid as soon as it is known (to stop it if Maven is stopped)
     */
    public ForkWatcher(
            Path journal,
            long memoryLimit,
            Duration timeout,
            Duration grace,
            boolean stopOnMemoryError,
            ProcessControl control,
            LongConsumer pidListener) {
        this(journal, memoryLimit, timeout, grace, stopOnMemoryError, control, pidListener, System::nanoTime);
    }

    ForkWatcher(
            Path journal,
            long memoryLimit,
            Duration timeout,
            Duration grace,
            boolean stopOnMemoryError,
            ProcessControl control,
            LongConsumer pidListener,
            LongSupplier nanoTime) {
        this.journal = journal;
        this.memoryLimit = memoryLimit;
        this.timeout = timeout;
        this.grace = grace;
        this.stopOnMemoryError = stopOnMemoryError;
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
        if (timeout != null && elapsedMillis() > timeout.toMillis()) {
            action = new ForkEnd.TimedOut(timeout.toMillis(), false);
            terminatedAt = elapsedMillis();
            control.terminate(current);
        }
    }

    private long elapsedMillis() {
        return (nanoTime.getAsLong() - started) / 1_000_000L;
    }

    private void readJournal() {
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            offset += bytes.length;
            pending.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            return; // not written yet
        }
        byte[] buffered = pending.toByteArray();
        int lastNewline = -1;
        for (int i = buffered.length - 1; i >= 0; i--) {
            if (buffered[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            return;
        }
        String lines = new String(buffered, 0, lastNewline + 1, StandardCharsets.UTF_8);
        pending.reset();
        pending.write(buffered, lastNewline + 1, buffered.length - lastNewline - 1);
        int start = 0;
        for (int end = lines.indexOf('\n'); end >= 0; start = end + 1, end = lines.indexOf('\n', start)) {
            String line = lines.substring(start, end + 1);
            if (worthReading(line)) {
                for (JournalEntry entry : JournalReader.parse(line).entries()) {
                    react(entry);
                }
            }
        }
    }

    /**
     * Whether a line can change what the watcher does; most cannot (a passing test's start and end, a class's
     * measurements), and the watcher shares the machine with the fork, so it does not parse them. Errors are written
     * with a {@code throwable}.
     */
    private boolean worthReading(String line) {
        return pid < 0
                || stopAfter != null
                || line.contains("\"" + Journal.THROWABLE + "\"")
                || line.contains("\"" + Journal.RECOVERED + "\"");
    }

    private void react(JournalEntry entry) {
        if (entry.is(Journal.FORK) && pid < 0) {
            pid = entry.number(Journal.PID, -1);
            if (pid >= 0) {
                pidListener.accept(pid);
            }
        } else if (entry.is(Journal.RECOVERED) && !stopOnMemoryError) {
            recovered.add(entry.string(Journal.CLASS));
        } else if (!recovered.contains(entry.string(Journal.CLASS))
                && stopAfter == null
                && entry.is(Journal.TEST_END)
                && pid >= 0
                && action instanceof ForkEnd.NoAction
                && Cause.ofError(entry.string(Journal.THROWABLE), entry.string(Journal.MESSAGE))
                        .isPresent()) {
            stopAfter = entry.string(Journal.CLASS);
            stopAt = elapsedMillis() + MEASUREMENT_WAIT.toMillis();
        } else if (stopAfter != null
                && (entry.is(Journal.CLASS_END)
                        || entry.is(Journal.ERROR)
                        || entry.is(Journal.SHUTDOWN)
                        || entry.is(Journal.RUN_END))) {
            stop();
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
