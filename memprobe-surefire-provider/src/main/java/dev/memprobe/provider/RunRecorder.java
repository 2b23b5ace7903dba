package dev.memprobe.provider;

import dev.memprobe.journal.Journal;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.Histogram;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns the test framework's callbacks into journal lines and class measurements. One per fork.
 *
 * <p>Test callbacks arrive on the test thread; {@link #nearLimit} on the JVM's notification thread and
 * {@link #shutdown} on a shutdown hook read the class in flight, so that state is volatile. Nothing here throws into
 * the tests: a failure to measure is a missing number, never a failed test.
 *
 * <p>The meters start on a thread of their own ({@link #startMeasuring}) while the test framework discovers the tests:
 * the JVM's management beans cost tens of milliseconds on their first use. The plan and the first class wait for them,
 * so the fork line still comes first and every class is measured.
 */
final class RunRecorder {

    /**
     * 1 MiB in 64 KiB chunks: a single 1 MiB array is humongous in a G1 heap under 8 GiB and takes two whole regions
     * (2 MiB of a 256 MiB heap, for as long as the fork lives); chunks this size are ordinary objects.
     */
    private static final int RESERVE_CHUNKS = 16;

    private static final int RESERVE_CHUNK_BYTES = 64 * 1024;

    /** The heap counts as given back when a full collection leaves at most this share of it in use. */
    private static final double RECOVERED_SHARE = 0.5;

    /** How long the shutdown hook or a fatal error waits for meters that are still starting. */
    private static final long START_WAIT_MILLIS = 2_000;

    private final JournalWriter journal;
    /** Set once, by {@link #forkStarted}; null until then, and for good when the meters could not start. */
    private volatile ClassMeter meter;

    private final CountDownLatch metersStarted = new CountDownLatch(1);
    private final Set<String> histogramClasses;
    private final int histogramTop;

    /** Freed when memory runs out, so that the last lines can still be written. */
    private volatile byte[][] reserve = newReserve();

    private int depth;
    private int seq;
    private List<String> planned = Collections.emptyList();
    private final Set<String> started = new HashSet<>();
    private volatile String currentClass;
    private volatile String currentMethod;
    private volatile ClassMeter.Window window;
    private volatile boolean terminal;
    private volatile boolean nearLimitReported;
    private boolean continueAfterMemoryError;
    private Histogram histogramBefore;
    /** Heap used right after the full collection of the class's first histogram: exact, not sampled. */
    private long heapAfterFirstHistogram = -1;

    private int tests;
    private int failures;
    private int errors;
    private int skipped;

    /** A recorder whose meters start later, by {@link #startMeasuring}. */
    RunRecorder(JournalWriter journal, Set<String> histogramClasses, int histogramTop) {
        this.journal = journal;
        this.histogramClasses = histogramClasses;
        this.histogramTop = histogramTop;
    }

    /** A recorder that measures with {@code meter} from the start; the fork line is left to the caller. */
    RunRecorder(JournalWriter journal, ClassMeter meter, Set<String> histogramClasses, int histogramTop) {
        this(journal, histogramClasses, histogramTop);
        this.meter = meter;
        metersStarted.countDown();
    }

    /**
     * Runs {@code start} on a daemon thread of its own; it makes the meters and ends with {@link #forkStarted}. The
     * plan and the first class wait until it has run; if it fails, classes are journaled without measurements.
     */
    void startMeasuring(Runnable start) {
        Thread thread = new Thread(
                () -> {
                    try {
                        start.run();
                    } catch (Throwable t) {
                        // measuring is best effort: the classes are still journaled, without numbers
                    } finally {
                        metersStarted.countDown();
                    }
                },
                "memprobe-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the meters to start: as long as it takes when {@code millis} is negative. */
    private void awaitMeasuring(long millis) {
        if (metersStarted.getCount() == 0) {
            return;
        }
        try {
            if (millis < 0) {
                metersStarted.await();
            } else {
                metersStarted.await(millis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Measures with {@code meter} from now on and writes the fork line, which comes before any other. */
    void forkStarted(ClassMeter meter, boolean rssResettable, List<String> gcNames, boolean parallelForcedOff) {
        this.meter = meter;
        journal.line(Journal.FORK)
                .put(Journal.FORMAT_VERSION, Journal.FORMAT)
                .put(Journal.PID, pid())
                .put(Journal.JAVA_VERSION, System.getProperty("java.version"))
                .put(Journal.JAVA_VENDOR, System.getProperty("java.vendor"))
                .put(Journal.VM, System.getProperty("java.vm.name"))
                .put(Journal.MAX_HEAP, meter.heapMax() < 0 ? null : meter.heapMax())
                .put(Journal.GCS, gcNames)
                .put(Journal.RSS_RESET, rssResettable)
                .put(Journal.JVM_START, ManagementFactory.getRuntimeMXBean().getStartTime())
                .put("parallelForcedOff", parallelForcedOff ? Boolean.TRUE : null)
                .write();
    }

    void plan(List<String> classes) {
        awaitMeasuring(-1);
        planned = new ArrayList<>(classes);
        journal.line(Journal.PLAN).put(Journal.CLASSES, classes).write();
    }

    void testSetStarting(String className) {
        if (depth++ > 0) {
            return; // a @Nested class or a suite member: part of the class already in flight
        }
        awaitMeasuring(-1);
        ClassMeter meter = this.meter;
        try {
            seq++;
            started.add(className);
            currentClass = className;
            currentMethod = null;
            tests = 0;
            failures = 0;
            errors = 0;
            skipped = 0;
            nearLimitReported = false;
            histogramBefore = histogramClasses.contains(className) && meter != null ? Histogram.take() : null;
            heapAfterFirstHistogram = histogramBefore == null ? -1 : meter.heapUsed();
            journal.line(Journal.CLASS_START)
                    .put(Journal.CLASS, className)
                    .put(Journal.SEQ, seq)
                    .write();
            window = meter == null ? null : meter.begin();
        } catch (OutOfMemoryError e) {
            outOfMemory();
        } catch (RuntimeException e) {
            // measuring is best effort
        }
    }

    void testSetCompleted() {
        if (depth == 0 || --depth > 0) {
            return;
        }
        ClassMeter.Window w = window;
        String className = currentClass;
        window = null;
        currentClass = null;
        currentMethod = null;
        if (className == null) {
            return;
        }
        try {
            // no window: the meters could not start, or the class's start ran out of memory; it ends all the same
            ClassMeter.Measures measures = w == null ? null : meter.end(w, true);
            List<Map<String, Object>> histogram = null;
            if (histogramBefore != null && measures != null) {
                // a histogram collects all garbage first: the heap around the class's two is what it kept, exactly
                histogram = Histogram.take().topGrowth(histogramBefore, histogramTop);
                measures.liveBefore = heapAfterFirstHistogram;
                measures.retained = meter.heapUsed();
                histogramBefore = null;
            }
            JournalWriter.Line line = journal.line(Journal.CLASS_END)
                    .put(Journal.CLASS, className)
                    .put(Journal.SEQ, seq)
                    .put(Journal.TESTS, tests)
                    .put(Journal.FAILURES, failures)
                    .put(Journal.ERRORS, errors)
                    .put(Journal.SKIPS, skipped);
            if (measures != null) {
                putMeasures(line, measures);
            }
            line.put(Journal.HISTOGRAM, histogram);
            line.write();
        } catch (OutOfMemoryError e) {
            outOfMemory();
        } catch (RuntimeException e) {
            // measuring is best effort
        }
    }

    void testStarting(String className, String method) {
        currentMethod = method;
        ClassMeter.Window w = window;
        try {
            if (w != null) {
                meter.sample(w);
            }
            journal.line(Journal.TEST_START)
                    .put(Journal.CLASS, className)
                    .put(Journal.METHOD, method)
                    .write();
        } catch (OutOfMemoryError e) {
            outOfMemory();
        } catch (RuntimeException e) {
            // measuring is best effort
        }
    }

    /** Whether the plugin lets the fork go on past a heap OutOfMemoryError once the heap is given back. */
    void continueAfterMemoryError(boolean goOn) {
        continueAfterMemoryError = goOn;
    }

    void testEnded(String className, String method, String status, Integer millis, Throwable problem) {
        boolean memory = problem != null && memoryError(problem) != null;
        if (memory) {
            releaseReserve();
            if (continueAfterMemoryError && currentClass != null && heapError(problem)) {
                // a framework that reports the error as a failed test goes on by itself: say whether the heap is back
                recover(currentClass);
            }
        }
        record(className, method, status, millis, problem, memory);
    }

    private void record(
            String className, String method, String status, Integer millis, Throwable problem, boolean memory) {
        if (currentClass != null) {
            tests++;
            if (Journal.FAILED.equals(status)) {
                failures++;
            } else if (Journal.ERRORED.equals(status)) {
                errors++;
            } else if (Journal.SKIPPED.equals(status)) {
                skipped++;
            }
        }
        try {
            ClassMeter.Window w = window;
            if (w != null) {
                meter.sample(w);
            }
            JournalWriter.Line line = journal.line(Journal.TEST_END)
                    .put(Journal.CLASS, className)
                    .put(Journal.METHOD, method)
                    .put(Journal.STATUS, status)
                    .put(Journal.MILLIS, millis);
            putProblem(line, problem);
            line.write();
        } catch (OutOfMemoryError e) {
            outOfMemory();
        } catch (RuntimeException e) {
            // measuring is best effort
        }
        currentMethod = null;
        if (memory) {
            restoreReserve();
        }
    }

    /** A heap pool was still nearly full after a collection: say which class was running, once per class. */
    void nearLimit(String pool, long used, long max) {
        if (nearLimitReported) {
            return;
        }
        nearLimitReported = true;
        journal.line(Journal.NEAR_LIMIT)
                .put(Journal.CLASS, currentClass)
                .put(Journal.METHOD, currentMethod)
                .put(Journal.POOL, pool)
                .put(Journal.USED, used)
                .put(Journal.MAX, max)
                .write();
    }

    /** A throwable escaped the test framework; the fork is about to die of it. */
    void fatal(Throwable problem) {
        releaseReserve();
        awaitMeasuring(START_WAIT_MILLIS);
        terminal = true;
        try {
            JournalWriter.Line line =
                    journal.line(Journal.ERROR).put(Journal.CLASS, currentClass).put(Journal.METHOD, currentMethod);
            putProblem(line, problem);
            putInFlightMeasures(line);
            line.write();
        } catch (Throwable t) {
            // nothing more can be said
        }
    }

    /**
     * The test framework gave up on the class in flight because of {@code problem}: ends its test in flight with it
     * and the class with its measurements, as a framework that reports the error as a failed test would have.
     */
    void abandonInFlight(Throwable problem) {
        String className = currentClass;
        if (className == null) {
            return;
        }
        String method = currentMethod;
        if (method != null) {
            record(className, method, Journal.ERRORED, null, problem, true);
        } else {
            errors++;
        }
        depth = 1;
        testSetCompleted();
    }

    /**
     * After a memory error of {@code className}: collects garbage, and when the heap is at most half full again
     * journals {@code recovered} (before the error's own lines, so that the plugin knows to let the fork go on).
     *
     * @return whether the heap was given back
     */
    boolean recover(String className) {
        try {
            collectKeepingTheHeapSize();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long max = heap.getMax();
            if (max <= 0 || heap.getUsed() > max * RECOVERED_SHARE) {
                return false;
            }
            journal.line(Journal.RECOVERED)
                    .put(Journal.CLASS, className)
                    .put(Journal.USED, heap.getUsed())
                    .put(Journal.MAX, max)
                    .write();
            return true;
        } catch (OutOfMemoryError | RuntimeException e) {
            return false;
        }
    }

    /**
     * A full collection that leaves the heap's committed size as it was: after a full collection the JVM gives back
     * memory above {@code MaxHeapFreeRatio}, and a fork that had just been full would go on with a tiny heap, collect
     * far more often than a fork that never was, and run the classes after the error slower. The flag is manageable:
     * it is raised to 100 for this one collection and put back. Where it cannot be (not HotSpot), a plain collection.
     */
    private static void collectKeepingTheHeapSize() {
        com.sun.management.HotSpotDiagnosticMXBean vm = null;
        String before = null;
        try {
            vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            before = vm.getVMOption(MAX_HEAP_FREE_RATIO).getValue();
            vm.setVMOption(MAX_HEAP_FREE_RATIO, "100");
        } catch (RuntimeException | LinkageError e) {
            before = null;
        }
        try {
            System.gc();
        } finally {
            if (before != null) {
                try {
                    vm.setVMOption(MAX_HEAP_FREE_RATIO, before);
                } catch (RuntimeException e) {
                    // the flag stays at 100: the heap is not shrunk for the rest of this fork
                }
            }
        }
    }

    private static final String MAX_HEAP_FREE_RATIO = "MaxHeapFreeRatio";

    /**
     * An {@code OutOfMemoryError} of the Java heap in {@code problem}'s cause chain, which a collection can undo; not
     * metaspace, threads or buffers.
     */
    static boolean heapError(Throwable problem) {
        String[] error = memoryError(problem);
        if (error == null || error[1] == null) {
            return false;
        }
        return error[1].startsWith("Java heap space")
                || error[1].startsWith("GC overhead limit exceeded")
                || error[1].startsWith("Requested array size exceeds VM limit");
    }

    /** The planned classes that have not started, in plan order; empty when no plan was written. */
    List<String> notStarted() {
        List<String> rest = new ArrayList<>();
        for (String name : planned) {
            if (!started.contains(name)) {
                rest.add(name);
            }
        }
        return rest;
    }

    void runEnded() {
        awaitMeasuring(START_WAIT_MILLIS);
        terminal = true;
        journal.line(Journal.RUN_END).put(Journal.SEQ, seq).write();
    }

    /** The JVM is exiting; when tests were still running, say why and where. */
    void shutdown() {
        if (terminal || currentClass == null) {
            return;
        }
        terminal = true;
        releaseReserve();
        try {
            String[] trigger = ExitTrigger.find(Thread.getAllStackTraces());
            JournalWriter.Line line = journal.line(Journal.SHUTDOWN)
                    .put(Journal.TRIGGER, trigger[0])
                    .put(Journal.CALLER, trigger[1])
                    .put(Journal.CLASS, currentClass)
                    .put(Journal.METHOD, currentMethod);
            putInFlightMeasures(line);
            line.write();
        } catch (Throwable t) {
            // nothing more can be said
        }
    }

    String currentClass() {
        return currentClass;
    }

    private void putInFlightMeasures(JournalWriter.Line line) {
        ClassMeter.Window w = window;
        if (w != null) {
            line.put(Journal.MEASURE, measures(meter.end(w, false)));
        }
    }

    private static void putMeasures(JournalWriter.Line line, ClassMeter.Measures m) {
        for (Map.Entry<String, Object> field : measures(m).entrySet()) {
            line.put(field.getKey(), field.getValue());
        }
    }

    /** The journal fields of a class's measurements; values not measured are left out. */
    static Map<String, Object> measures(ClassMeter.Measures m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        measure(fields, Journal.MILLIS, m.millis);
        measure(fields, Journal.HEAP_PEAK, m.heapPeak);
        if (!m.poolPeaks.isEmpty()) {
            fields.put(Journal.POOL_PEAKS, m.poolPeaks);
        }
        measure(fields, Journal.HEAP_MAX, m.heapMax);
        measure(fields, Journal.LIVE_BEFORE, m.liveBefore);
        measure(fields, Journal.LIVE_MIN, m.liveMin);
        measure(fields, Journal.LIVE_MAX, m.liveMax);
        measure(fields, Journal.LIVE_LAST, m.liveLast);
        measure(fields, Journal.RETAINED, m.retained);
        measure(fields, Journal.GC_COUNT, m.gcCount);
        measure(fields, Journal.GC_MILLIS, m.gcMillis);
        measure(fields, Journal.HEAP_END, m.heapEnd);
        measure(fields, Journal.RSS_PEAK, m.rssPeak);
        measure(fields, Journal.RSS_END, m.rssEnd);
        measure(fields, Journal.DIRECT_PEAK, m.directPeak);
        measure(fields, Journal.DIRECT_END, m.directEnd);
        measure(fields, Journal.MAPPED_END, m.mappedEnd);
        measure(fields, Journal.METASPACE_PEAK, m.metaspacePeak);
        measure(fields, Journal.METASPACE_END, m.metaspaceEnd);
        measure(fields, Journal.CLASSES_LOADED, m.classesLoaded);
        measure(fields, Journal.THREADS_START, m.threadsStart);
        measure(fields, Journal.THREADS_PEAK, m.threadsPeak);
        measure(fields, Journal.THREADS_END, m.threadsEnd);
        measure(fields, Journal.ALLOCATED, m.allocated);
        return fields;
    }

    private static void measure(Map<String, Object> fields, String key, long value) {
        if (value >= 0) {
            fields.put(key, value);
        }
    }

    private static void putProblem(JournalWriter.Line line, Throwable problem) {
        if (problem == null) {
            return;
        }
        String[] shown = memoryError(problem);
        if (shown == null) {
            shown = new String[] {problem.getClass().getName(), problem.getMessage()};
        }
        line.put(Journal.THROWABLE, shown[0]).put(Journal.MESSAGE, shown[1]);
    }

    private static final String OOM = "java.lang.OutOfMemoryError";

    /**
     * The memory error behind {@code problem} as {class, message}, or null: the first {@code OutOfMemoryError} in
     * the cause chain (only that error: other VM errors such as {@code StackOverflowError} are not about memory, and
     * some wrap one, as {@code InternalError} does), or an {@code OutOfMemoryError} a class initializer swallowed. When memory runs out inside a
     * static initializer (the test's, or JUnit's own), later uses of that class throw {@code NoClassDefFoundError}
     * "Could not initialize class", whose cause names the original error only in its message.
     */
    static String[] memoryError(Throwable problem) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = problem; t != null && !seen.contains(t); t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return new String[] {t.getClass().getName(), t.getMessage()};
            }
            seen.add(t);
        }
        for (Throwable t : seen) {
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf(OOM);
            if (at >= 0) {
                String rest = message.substring(at + OOM.length());
                if (rest.startsWith(":")) {
                    rest = rest.substring(1);
                }
                int end = rest.indexOf(" [in thread");
                return new String[] {OOM, (end >= 0 ? rest.substring(0, end) : rest).trim()};
            }
        }
        return null;
    }

    private void outOfMemory() {
        releaseReserve();
        restoreReserve();
    }

    /** Frees the memory kept for the last lines. */
    void releaseReserve() {
        reserve = null;
    }

    /** Takes the memory for the last lines again, if there is room. */
    void restoreReserve() {
        try {
            if (reserve == null) {
                reserve = newReserve();
            }
        } catch (OutOfMemoryError e) {
            // still no room: try again at the next event
        }
    }

    /** The reserve: no chunk as large as half of G1's smallest region (1 MiB), so none is humongous. */
    static byte[][] newReserve() {
        byte[][] chunks = new byte[RESERVE_CHUNKS][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new byte[RESERVE_CHUNK_BYTES];
        }
        return chunks;
    }

    /**
     * This JVM's process id: {@code ProcessHandle} where there is one (Java 9 and later; this jar runs on 8 too).
     * Not the runtime bean's name, {@code pid@host}: it looks the host's name up, which takes seconds where the
     * resolver is slow.
     */
    static long pid() {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Object current = handle.getMethod("current").invoke(null);
            return (Long) handle.getMethod("pid").invoke(current);
        } catch (ReflectiveOperationException | RuntimeException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            try {
                return Long.parseLong(at > 0 ? name.substring(0, at) : name);
            } catch (NumberFormatException notANumber) {
                return -1;
            }
        }
    }
}
