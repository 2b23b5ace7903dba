package dev.memprobe.provider;

import dev.memprobe.journal.HistogramRow;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.OutOfMemory;
import dev.memprobe.journal.Problem;
import dev.memprobe.journal.TestCounts;
import dev.memprobe.journal.TestStatus;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcOverhead;
import dev.memprobe.measure.MethodFigures;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the test framework's callbacks into journal lines and class measurements. One per fork.
 *
 * <p>Test callbacks arrive on the test thread; {@link #nearLimit} and {@link #gcOverhead} on the JVM's notification
 * thread and
 * {@link #shutdown} on a shutdown hook read the class in flight, so that state is volatile. Nothing here throws into
 * the tests: a failure to measure is a missing number, never a failed test.
 *
 * <p>The meters start on a thread of their own ({@link #startMeasuring}) while the test framework discovers the tests:
 * the JVM's management beans cost tens of milliseconds on their first use. The plan and the first class wait for them,
 * so the fork line still comes first and every class is measured.
 */
final class RunRecorder {

    /** How long the shutdown hook or a fatal error waits for meters that are still starting. */
    private static final long START_WAIT_MILLIS = 2_000;

    private final JournalWriter journal;
    /** Set once, by {@link #forkStarted}; null until then, and for good when the meters could not start. */
    private volatile ClassMeter meter;
    /** Samples the fork's memory over time once the meters run; null until then. */
    private volatile MemorySampler sampler;

    private final MeterStartup startup = new MeterStartup();
    private final Set<String> histogramClasses;
    private final int histogramTop;

    /** Freed when memory runs out, so that the last lines can still be written. */
    private final MemoryReserve reserve = new MemoryReserve();

    private int depth;
    private int seq;
    private List<String> planned = Collections.emptyList();
    private final Set<String> started = new HashSet<>();
    private volatile String currentClass;
    private volatile String currentMethod;
    private volatile ClassMeter.Window window;
    /** The test method in measurement, or null between tests. */
    private ClassMeter.MethodWindow methodWindow;

    private volatile boolean terminal;
    private volatile boolean nearLimitReported;
    private boolean continueAfterMemoryError;
    private ClassHistogram histogram;
    /** The heap dumps the plugin asked for; null for none. */
    private ClassDumps dumps;

    private TestCounts counts = TestCounts.NONE;

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
        startup.started();
    }

    /**
     * Runs {@code start} on a daemon thread of its own; it makes the meters and ends with {@link #forkStarted}. The
     * plan and the first class wait until it has run; if it fails, classes are journaled without measurements.
     */
    void startMeasuring(Runnable start) {
        startup.start(start);
    }

    /** Measures with {@code meter} from now on and writes the fork line, which comes before any other. */
    void forkStarted(ClassMeter meter, boolean rssResettable, List<String> gcNames, boolean parallelForcedOff) {
        this.meter = meter;
        journal.fork(
                ThisJvm.pid(),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                meter.heapMax(),
                gcNames,
                rssResettable,
                ThisJvm.startTime(),
                parallelForcedOff);
        MemorySampler memory = new MemorySampler(journal, meter);
        sampler = memory;
        memory.start();
    }

    void plan(List<String> classes) {
        startup.await(-1);
        planned = new ArrayList<>(classes);
        journal.plan(classes);
    }

    void testSetStarting(String className) {
        if (depth++ > 0) {
            return; // a @Nested class or a suite member: part of the class already in flight
        }
        startup.await(-1);
        ClassMeter meter = this.meter;
        try {
            seq++;
            started.add(className);
            currentClass = className;
            currentMethod = null;
            counts = TestCounts.NONE;
            nearLimitReported = false;
            histogram = histogramClasses.contains(className) && meter != null ? ClassHistogram.begin(meter) : null;
            if (dumps != null) {
                dumps.starting(className);
            }
            journal.classStart(className, seq);
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
            Measures measures = w == null ? null : meter.end(w, true);
            List<HistogramRow> grown = null;
            if (histogram != null && measures != null) {
                grown = histogram.end(histogramTop);
                measures = histogram.exact(measures);
                histogram = null;
            }
            journal.classEnd(className, seq, counts, measures, grown);
            if (dumps != null) {
                dumps.ended(className);
            }
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
                methodWindow = meter.beginMethod(w);
            }
            journal.testStart(className, method);
        } catch (OutOfMemoryError e) {
            outOfMemory();
        } catch (RuntimeException e) {
            // measuring is best effort
        }
    }

    /** Writes the heap dumps and thread lists of {@code classDumps}' classes. */
    void heapDumps(ClassDumps classDumps) {
        dumps = classDumps.any() ? classDumps : null;
    }

    /** Whether the plugin lets the fork go on past a heap OutOfMemoryError once the heap is given back. */
    void continueAfterMemoryError(boolean goOn) {
        continueAfterMemoryError = goOn;
    }

    void testEnded(String className, String method, TestStatus status, Integer millis, Throwable problem) {
        boolean memory = problem != null && OutOfMemory.find(problem) != null;
        if (memory) {
            reserve.release();
            dumpAtError(problem);
            if (continueAfterMemoryError && currentClass != null && OutOfMemory.collectable(problem)) {
                // a framework that reports the error as a failed test goes on by itself: say whether the heap is back
                recover(currentClass);
            }
        }
        record(className, method, status, millis, problem, memory);
    }

    private void record(
            String className, String method, TestStatus status, Integer millis, Throwable problem, boolean memory) {
        if (currentClass != null) {
            counts = counts.plus(status);
        }
        try {
            ClassMeter.Window w = window;
            ClassMeter.MethodWindow mw = methodWindow;
            methodWindow = null;
            MethodFigures figures = null;
            if (w != null) {
                meter.sample(w);
                if (mw != null) {
                    figures = meter.endMethod(w, mw, !memory);
                }
            }
            journal.testEnd(
                    className,
                    method,
                    status,
                    millis,
                    problem == null ? null : Problem.of(problem),
                    figures == null ? -1 : figures.allocated(),
                    figures == null ? -1 : figures.kept());
        } catch (OutOfMemoryError e) {
            outOfMemory();
        } catch (RuntimeException e) {
            // measuring is best effort
        }
        currentMethod = null;
        if (memory) {
            reserve.restore();
        }
    }

    /** A heap pool was still nearly full after a collection: say which class was running, once per class. */
    void nearLimit(String pool, long used, long max) {
        if (nearLimitReported) {
            return;
        }
        nearLimitReported = true;
        journal.nearLimit(currentClass, currentMethod, pool, used, max);
    }

    /**
     * The JVM is past saving: journals it with the class and test in flight and the class's measurements so far.
     *
     * @return whether it was written; false when memory was too short even with the reserve freed, to be tried again
     *     at the next collection
     */
    boolean gcOverhead(GcOverhead.Reading reading) {
        reserve.release();
        try {
            journal.gcOverhead(
                    currentClass,
                    currentMethod,
                    reading.windowMillis(),
                    reading.gcMillis(),
                    reading.collections(),
                    reading.leastLive(),
                    reading.maxHeap(),
                    inFlightMeasures());
            return true;
        } catch (OutOfMemoryError e) {
            return false;
        } catch (RuntimeException e) {
            return true; // measuring is best effort: a line that cannot be made is not made again
        } finally {
            reserve.restore();
        }
    }

    /** A throwable escaped the test framework; the fork is about to die of it. */
    void fatal(Throwable problem) {
        reserve.release();
        startup.await(START_WAIT_MILLIS);
        terminal = true;
        dumpAtError(problem);
        try {
            journal.error(currentClass, currentMethod, Problem.of(problem), inFlightMeasures());
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
        dumpAtError(problem);
        if (method != null) {
            record(className, method, TestStatus.ERRORED, null, problem, true);
        } else {
            // the class's own set-up failed (@BeforeAll, a static initializer): its error has no test, and is
            // journaled without one, so that the plugin still sees the class fail of memory
            counts = counts.plusError();
            try {
                journal.testEnd(className, null, TestStatus.ERRORED, null, Problem.of(problem));
            } catch (OutOfMemoryError | RuntimeException e) {
                // the class-end still says it errored
            }
        }
        depth = 1;
        testSetCompleted();
    }

    /**
     * After a memory error of {@code className}: collects garbage, and when the heap is at most three quarters full
     * again journals {@code recovered} (before the error's own lines, so that the plugin knows to let the fork go
     * on).
     *
     * @return whether the heap was given back
     */
    boolean recover(String className) {
        MemoryUsage heap = HeapRecovery.collect();
        if (heap == null) {
            return false;
        }
        try {
            journal.recovered(className, heap.getUsed(), heap.getMax());
            return true;
        } catch (OutOfMemoryError | RuntimeException e) {
            return false;
        }
    }

    /** The dump of the class in flight at its memory error, when the plugin asked for one. */
    private void dumpAtError(Throwable problem) {
        if (dumps != null && OutOfMemory.find(problem) != null) {
            try {
                dumps.memoryError(currentClass, problem);
            } catch (RuntimeException | OutOfMemoryError e) {
                // the dump is best effort: the journal's lines come first
            }
        }
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
        startup.await(START_WAIT_MILLIS);
        MemorySampler memory = sampler;
        if (memory != null) {
            memory.stop();
        }
        terminal = true;
        journal.runEnd(seq);
    }

    /** The JVM is exiting; when tests were still running, say why and where. */
    void shutdown() {
        if (terminal || currentClass == null) {
            return;
        }
        terminal = true;
        reserve.release();
        try {
            ExitTrigger.Found trigger = ExitTrigger.find(Thread.getAllStackTraces());
            journal.shutdown(trigger.trigger, trigger.caller, currentClass, currentMethod, inFlightMeasures());
        } catch (Throwable t) {
            // nothing more can be said
        }
    }

    String currentClass() {
        return currentClass;
    }

    /** The measurements of the class in flight so far, without the collection of exact measurement; or null. */
    private Measures inFlightMeasures() {
        ClassMeter.Window w = window;
        return w == null ? null : meter.end(w, false);
    }

    private void outOfMemory() {
        reserve.release();
        reserve.restore();
    }

    /** The memory kept for the last lines. */
    MemoryReserve reserve() {
        return reserve;
    }
}
