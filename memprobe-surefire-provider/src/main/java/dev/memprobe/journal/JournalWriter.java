package dev.memprobe.journal;

import java.io.Closeable;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends journal lines to a file, one method per event, one {@code write} call per line and no buffer in between:
 * a line the fork has written is in the operating system's hands, so a {@code SIGKILL} a moment later loses nothing
 * of it. Each line is stamped with the time it is written.
 *
 * <p>Thread-safe: the test thread, the JMX notification thread and a shutdown hook all write here.
 */
public final class JournalWriter implements Closeable {

    private final FileOutputStream out;
    private boolean broken;

    private JournalWriter(FileOutputStream out) {
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it and its folder when needed. */
    public static JournalWriter open(File file) throws IOException {
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs() && !parent.isDirectory()) {
            throw new IOException("cannot create the folder " + parent);
        }
        return new JournalWriter(new FileOutputStream(file, true));
    }

    /**
     * The fork line, which comes before any other: this JVM.
     *
     * @param maxHeap the heap's maximum in bytes, -1 when undefined
     * @param rssResettable whether RSS high-water can be reset per class
     * @param jvmStart when this JVM started, epoch ms
     * @param parallelForcedOff whether the project's JUnit parallel execution was switched off
     */
    public void fork(
            long pid,
            String javaVersion,
            String vendor,
            String vm,
            long maxHeap,
            List<String> collectors,
            boolean rssResettable,
            long jvmStart,
            boolean parallelForcedOff) {
        write(new ForkEvent(
                now(),
                Journal.FORMAT,
                pid,
                javaVersion,
                vendor,
                vm,
                maxHeap,
                new ArrayList<>(collectors),
                rssResettable,
                jvmStart,
                parallelForcedOff));
    }

    public void plan(List<String> classes) {
        write(new PlanEvent(now(), new ArrayList<>(classes)));
    }

    public void classStart(String className, int seq) {
        write(new ClassStartEvent(now(), className, seq));
    }

    public void testStart(String className, String method) {
        write(new TestStartEvent(now(), className, method));
    }

    /**
     * @param millis the duration the framework reported, or null
     * @param problem what the test threw, or null
     */
    public void testEnd(String className, String method, TestStatus status, Integer millis, Problem problem) {
        write(new TestEndEvent(now(), className, method, status, millis, problem));
    }

    /**
     * A test method ended, with what it allocated and left behind.
     *
     * @param allocated bytes the test thread allocated during the method, or -1
     * @param kept what the method left behind in the heap (see {@link TestEndEvent#kept()}), or -1
     */
    public void testEnd(
            String className,
            String method,
            TestStatus status,
            Integer millis,
            Problem problem,
            long allocated,
            long kept) {
        write(new TestEndEvent(now(), className, method, status, millis, problem, allocated, kept));
    }

    /** @param histogram the object types the class left behind, or null when no histogram was taken */
    public void classEnd(
            String className, int seq, TestCounts counts, Measures measures, List<HistogramRow> histogram) {
        write(new ClassEndEvent(
                now(),
                className,
                seq,
                counts,
                measures == null ? Measures.NONE : measures,
                histogram == null ? null : new ArrayList<>(histogram)));
    }

    public void nearLimit(String className, String method, String pool, long used, long max) {
        write(new NearLimitEvent(now(), className, method, pool, used, max));
    }

    /**
     * The JVM is past saving ({@code dev.memprobe.measure.GcOverhead}).
     *
     * @param gcMillis how much of the last {@code windowMillis} collections took
     * @param leastLive the least heap used after one of the window's {@code collections}, bytes
     * @param measures the measurements of the class in flight so far, or null
     */
    public void gcOverhead(
            String className,
            String method,
            long windowMillis,
            long gcMillis,
            int collections,
            long leastLive,
            long maxHeap,
            Measures measures) {
        write(new GcOverheadEvent(
                now(), className, method, windowMillis, gcMillis, collections, leastLive, maxHeap, measures));
    }

    /** @param measures the measurements of the class in flight so far, or null */
    public void error(String className, String method, Problem problem, Measures measures) {
        write(new ErrorEvent(now(), className, method, problem, measures));
    }

    public void recovered(String className, long used, long max) {
        write(new RecoveredEvent(now(), className, used, max));
    }

    /** @param measures the measurements of the class in flight so far, or null */
    public void shutdown(ShutdownTrigger trigger, String caller, String className, String method, Measures measures) {
        write(new ShutdownEvent(now(), trigger, caller, className, method, measures));
    }

    /** @param classes how many classes started */
    public void runEnd(int classes) {
        write(new RunEndEvent(now(), classes));
    }

    /**
     * A sample of the fork's memory, for the report's chart over time.
     *
     * @param heapUsed heap in use now, -1 when not measured
     * @param liveHeap heap in use after the latest collection, -1 before the first
     * @param rss resident memory now, -1 when not known
     */
    public void memory(long heapUsed, long liveHeap, long rss) {
        write(new MemoryEvent(now(), heapUsed, liveHeap, rss));
    }

    /**
     * A heap dump written for {@code className}.
     *
     * @param file its absolute path
     * @param millis how long writing it took, or -1 when the JVM wrote it on an error
     */
    public void heapDump(
            String className, HeapDumpEvent.Phase phase, String file, long bytes, long millis, boolean compressedOops) {
        write(new HeapDumpEvent(now(), className, phase, file, bytes, millis, compressedOops, null));
    }

    /** No heap dump for {@code className}, and why. */
    public void heapDumpSkipped(String className, HeapDumpEvent.Phase phase, String reason) {
        write(new HeapDumpEvent(now(), className, phase, null, -1, -1, false, reason));
    }

    /**
     * The threads {@code className} left running.
     *
     * @param count all of them; {@code threads} lists at most {@link ThreadsLeftEvent#LISTED}
     */
    public void threadsLeft(String className, int count, List<ThreadsLeftEvent.LiveThread> threads) {
        List<ThreadsLeftEvent.LiveThread> listed =
                new ArrayList<>(threads.subList(0, Math.min(threads.size(), ThreadsLeftEvent.LISTED)));
        write(new ThreadsLeftEvent(now(), className, count, listed));
    }

    /**
     * Whether a write has failed. Writing never throws into the tests: a journal that cannot be written must not
     * change what the tests do, and the plugin notices the missing lines.
     */
    public synchronized boolean isBroken() {
        return broken;
    }

    void write(JournalEvent event) {
        write(JournalEncoder.encode(event).getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void write(byte[] bytes) {
        if (broken) {
            return;
        }
        try {
            out.write(bytes);
        } catch (IOException e) {
            broken = true;
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            broken = true;
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
