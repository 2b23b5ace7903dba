package dev.memprobe.recorder;

import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.OutOfMemory;
import dev.memprobe.journal.Problem;
import dev.memprobe.journal.ShutdownTrigger;
import dev.memprobe.journal.TestCounts;
import dev.memprobe.journal.TestStatus;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcOverhead;
import dev.memprobe.measure.HeapWatchdog;
import dev.memprobe.provider.ExitTrigger;
import dev.memprobe.provider.MemoryReserve;
import dev.memprobe.provider.ThisJvm;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal of one test JVM of the project's own run: the listeners of the JUnit Platform, JUnit 4 and TestNG tell
 * it about classes and tests, and it writes the same lines, with the same measurements, as memprobe's provider does in
 * bisect's forks, so that the plugin reads a recording as it reads a probe.
 *
 * <p>One per JVM ({@link #get()}): the frameworks instantiate the listeners themselves (service files, Surefire's
 * {@code listener} property), so they can only find the JVM's journal through a holder. Inert unless the extension
 * set {@link RecordOptions#DIR}: then every method returns at once. Nothing here throws into the tests: a journal or a
 * meter that fails is a missing line or number, never a failed test.
 *
 * <p>The first framework to report decides ({@link Source}): under Surefire 3.6 the TestNG engine runs TestNG inside
 * the JUnit Platform, and both listeners hear the same classes. Classes are counted by name, so a class that a suite
 * runs again inside itself, or a {@code @Nested} class reported under its outer class, is part of the class in flight;
 * with the framework's parallel execution on, classes overlap and their numbers are approximate.
 */
public final class Recorder {

    /** Which framework's listener speaks; only the first one heard is journaled. */
    public enum Source {
        PLATFORM,
        JUNIT4,
        TESTNG
    }

    /** How long a class waits for meters that are still starting before it runs unmeasured. */
    private static final long START_WAIT_MILLIS = 5_000;

    private static final Recorder OFF = new Recorder(null, null, null);

    private static final class Holder {
        static final Recorder INSTANCE = fromSystemProperties();
    }

    private final JournalWriter journal;
    /** The test in flight, kept without a system call; null where it could not be mapped: then every test is a line. */
    private final TestInFlight tests;

    private final Meters meters;
    private final MemoryReserve reserve;

    private Source owner;
    /** The classes in flight, in start order. */
    private final Map<String, Open> open = new LinkedHashMap<>();

    /** The class that started last and has not finished, and its test in flight: for the notification thread. */
    private volatile String current;

    private volatile String currentMethod;
    /** The thread the framework ran the last class on: its uncaught end is the run's. */
    private volatile Thread runner;

    private volatile String nearLimitReported;

    /** The class whose test is the one in {@link #tests}, until that test ends. */
    private Open slotted;

    private int seq;
    private boolean planned;
    private boolean running;
    private volatile boolean terminal;

    Recorder(JournalWriter journal, TestInFlight tests, Meters meters) {
        this.journal = journal;
        this.tests = tests;
        this.meters = meters;
        this.reserve = journal == null ? null : new MemoryReserve();
    }

    /** The JVM's recorder: journaling when the extension turned recording on for this fork, else inert. */
    public static Recorder get() {
        return Holder.INSTANCE;
    }

    private static Recorder fromSystemProperties() {
        try {
            String dir = System.getProperty(RecordOptions.DIR);
            if (dir == null || dir.trim().isEmpty()) {
                return OFF;
            }
            String fork = RecordOptions.forkNumber(System.getProperty(RecordOptions.FORK));
            File folder = new File(dir);
            Recorder recorder = open(folder, fork, new Meters());
            Calls calls = new Calls(recorder);
            recorder.meters.start(recorder.journal, calls, calls, folder);
            Runtime.getRuntime().addShutdownHook(new Thread(calls, "memprobe-record"));
            LastWords.install(recorder);
            return recorder;
        } catch (Throwable t) {
            return OFF; // no journal: the run goes on unrecorded, and the plugin says that no journal came
        }
    }

    /**
     * A recorder journaling into {@code folder}; its lines wait for {@code meters} to start, which write the fork line
     * first.
     */
    static Recorder open(File folder, String fork, Meters meters) throws java.io.IOException {
        JournalName name = new JournalName(fork, ThisJvm.pid(), ThisJvm.startTime());
        File file = new File(folder, name.fileName());
        JournalWriter journal = JournalWriter.open(file);
        TestInFlight tests;
        try {
            tests = TestInFlight.create(TestInFlight.beside(file));
        } catch (IOException | RuntimeException e) {
            tests = null; // a file system that cannot map: each test's start and end are journal lines instead
        }
        return new Recorder(journal, tests, meters);
    }

    /** Whether this JVM records. */
    public boolean on() {
        return journal != null;
    }

    /** The framework that starts a run or a class; false when another one speaks for this fork. */
    private boolean speaks(Source source) {
        if (owner == null) {
            owner = source;
        }
        return owner == source && !terminal;
    }

    /**
     * The JUnit Platform opened its launcher session: the platform runs this fork, and speaks for it. An engine that
     * runs another framework inside it (the TestNG engine under Surefire 3.6, which also lets TestNG load its own
     * listeners) is heard through the platform's events only, even where that framework speaks first (the TestNG
     * engine runs TestNG once, dry, to discover the tests).
     */
    public synchronized void platformSession() {
        if (on() && owner == null) {
            owner = Source.PLATFORM;
        }
    }

    /** The framework's run begins (a test plan, JUnit 4's run, TestNG's execution). */
    public synchronized void runStarted(Source source) {
        if (on() && speaks(source)) {
            running = true;
            runner = Thread.currentThread();
        }
    }

    /** The framework's run ended normally. */
    public synchronized void runFinished(Source source) {
        if (on() && owner == source) {
            running = false;
        }
    }

    /** The classes the framework is about to run, in its order: journaled once, for the first run. */
    public synchronized void plan(Source source, List<String> classes) {
        if (!on() || !speaks(source) || planned || classes.isEmpty()) {
            return;
        }
        planned = true;
        try {
            meters.await(START_WAIT_MILLIS);
            journal.plan(classes);
        } catch (Throwable t) {
            lowOnMemory(t);
        }
    }

    public synchronized void classStarted(Source source, String className) {
        if (!on() || !speaks(source) || className == null) {
            return;
        }
        running = true;
        runner = Thread.currentThread();
        Open known = open.get(className);
        if (known != null) {
            known.depth++;
            return;
        }
        try {
            ClassMeter meter = meters.await(START_WAIT_MILLIS);
            Open started = new Open(++seq);
            open.put(className, started);
            current = className;
            currentMethod = null;
            journal.classStart(className, started.seq);
            started.window = meter == null ? null : meter.begin();
        } catch (Throwable t) {
            lowOnMemory(t);
        }
    }

    public synchronized void classFinished(Source source, String className) {
        Open ended = owner == source && !terminal ? open.get(className) : null;
        if (ended == null || --ended.depth > 0) {
            return;
        }
        open.remove(className);
        current = last();
        currentMethod = current == null ? null : open.get(current).method;
        try {
            ClassMeter meter = meters.meter();
            Measures measures = ended.window == null || meter == null ? null : meter.end(ended.window, true);
            journal.classEnd(className, ended.seq, ended.counts, measures, null);
        } catch (Throwable t) {
            lowOnMemory(t);
        }
    }

    /** Whether {@code className} is in flight (started by {@code source} and not finished). */
    public synchronized boolean inFlight(Source source, String className) {
        return owner == source && open.containsKey(className);
    }

    /** The class itself failed outside its tests ({@code @BeforeAll}, {@code @BeforeClass}, a static initializer). */
    public synchronized void classFailed(Source source, String className, Throwable problem) {
        Open failed = owner == source && !terminal ? open.get(className) : null;
        if (failed == null || problem == null) {
            return;
        }
        boolean memory = memory(problem);
        failed.counts = failed.counts.plusError();
        try {
            journal.testEnd(className, null, TestStatus.ERRORED, null, Problem.of(problem));
        } catch (Throwable t) {
            lowOnMemory(t);
        }
        if (memory) {
            reserve.restore();
        }
    }

    public synchronized void testStarted(Source source, String className, String method) {
        Open in = owner == source && !terminal ? open.get(className) : null;
        if (in == null) {
            return;
        }
        in.method = method;
        if (className.equals(current)) {
            currentMethod = method;
        }
        try {
            sample(in);
            if (tests != null) {
                slotted = in;
                tests.started(in.seq, method);
            } else {
                journal.testStart(className, method);
            }
        } catch (Throwable t) {
            lowOnMemory(t);
        }
    }

    /**
     * A test ended: counted in its class's line, and a line of its own when it failed (with what it threw) or where
     * the test in flight is not kept apart ({@link TestInFlight}).
     *
     * @param method the test's method, or null for the one that started last in the class
     * @param problem what the test threw, or null
     */
    public synchronized void testFinished(
            Source source, String className, String method, TestStatus status, Throwable problem) {
        Open in = owner == source && !terminal ? open.get(className) : null;
        if (in == null) {
            return;
        }
        boolean memory = problem != null && memory(problem);
        String ended = method != null ? method : in.method;
        boolean last = in == slotted && ended != null && ended.equals(in.method);
        in.counts = in.counts.plus(status);
        in.method = null;
        if (className.equals(current)) {
            currentMethod = null;
        }
        try {
            sample(in);
            if (last) {
                slotted = null;
                tests.ended(); // before the line: a kill between the two loses the failure, never names a test wrongly
            }
            if (tests == null || problem != null || status == TestStatus.FAILED || status == TestStatus.ERRORED) {
                journal.testEnd(className, ended, status, null, problem == null ? null : Problem.of(problem));
            }
        } catch (Throwable t) {
            lowOnMemory(t);
        }
        if (memory) {
            reserve.restore();
        }
    }

    /**
     * A heap pool was still nearly full after a collection: which class was running, once per class. Called on the
     * JVM's notification thread, which also brings the collections a class's end may wait for: it takes no lock.
     */
    void nearLimit(String pool, long used, long max) {
        String className = current;
        if (!on() || terminal || (className != null && className.equals(nearLimitReported))) {
            return;
        }
        nearLimitReported = className;
        try {
            journal.nearLimit(className, currentMethod, pool, used, max);
        } catch (Throwable t) {
            lowOnMemory(t);
        }
    }

    /**
     * The fork is past saving ({@link GcOverhead}: most of the last seconds in collections, the heap nearly full after
     * each): journaled once with the class and test in flight, so that the post-mortem of a fork that crawls until it
     * dies or times out can say so. Only a report: the run is the project's, and goes on. Called on the JVM's
     * notification thread, without the lock, as {@link #nearLimit} is.
     *
     * @return whether the line was taken care of; false when memory was too short even with the reserve freed, to be
     *     tried again at the next collection
     */
    boolean gcOverhead(GcOverhead.Reading reading) {
        if (!on() || terminal) {
            return true;
        }
        reserve.release();
        try {
            journal.gcOverhead(
                    current,
                    currentMethod,
                    reading.windowMillis(),
                    reading.gcMillis(),
                    reading.collections(),
                    reading.leastLive(),
                    reading.maxHeap(),
                    null);
            return true;
        } catch (OutOfMemoryError e) {
            return false;
        } catch (RuntimeException e) {
            return true; // best effort: a line that cannot be made is not tried again
        } finally {
            reserve.restore();
        }
    }

    /**
     * {@code thread} ended with {@code problem} uncaught ({@link LastWords}). When that is the framework's thread
     * ending of memory, the run is over and nothing else will say so: the JUnit Platform rethrows an
     * {@code OutOfMemoryError} without ending the class, and the heap stays full for Surefire's booter and the JVM's
     * shutdown. The reserve is freed here, for this line and for the shutdown that follows, and the {@code error} line
     * names the class and test in flight; the shutdown hook then has nothing to add.
     */
    synchronized void uncaught(Thread thread, Throwable problem) {
        if (!on() || terminal || thread != runner || problem == null) {
            return;
        }
        reserve.release();
        try {
            Problem memory = OutOfMemory.find(problem);
            if (memory == null) {
                reserve.restore();
                return;
            }
            journal.error(current, currentMethod, memory, null);
            terminal = true;
        } catch (Throwable t) {
            // no room even now: the shutdown hook tries again
        }
    }

    /**
     * The JVM is exiting: a {@code run-end} when the framework had finished, else a {@code shutdown} line naming the
     * class and method in flight (the fork is dying of {@code System.exit}, a signal or an error Surefire caught).
     */
    synchronized void shutdown() {
        if (!on() || terminal) {
            return;
        }
        terminal = true;
        reserve.release();
        String className = current;
        String method = currentMethod;
        try {
            meters.await(START_WAIT_MILLIS);
            if (className == null && !running) {
                journal.runEnd(seq);
                return;
            }
            Open in = className == null ? null : open.get(className);
            ClassMeter meter = meters.meter();
            Measures measures = in == null || in.window == null || meter == null ? null : meter.end(in.window, false);
            ExitTrigger.Found trigger = ExitTrigger.find(Thread.getAllStackTraces());
            journal.shutdown(trigger.trigger, trigger.caller, className, method, measures);
        } catch (Throwable t) {
            // a heap still full (a static field holds it) leaves room for the line alone: without measurements
            try {
                journal.shutdown(ShutdownTrigger.UNKNOWN, null, className, method, null);
            } catch (Throwable none) {
                // nothing more can be said
            }
        }
    }

    /** The class that started last and has not finished, or null. */
    private String last() {
        String last = null;
        for (String name : open.keySet()) {
            last = name;
        }
        return last;
    }

    /** Every class in flight, in start order (a test's view of the state). */
    synchronized List<String> classesInFlight() {
        return new ArrayList<>(open.keySet());
    }

    private void sample(Open in) {
        ClassMeter meter = meters.meter();
        if (meter != null && in.window != null) {
            meter.sample(in.window);
        }
    }

    private boolean memory(Throwable problem) {
        if (OutOfMemory.find(problem) == null) {
            return false;
        }
        reserve.release(); // room to write the lines of a test that ran out of memory
        return true;
    }

    private void lowOnMemory(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            reserve.release();
            reserve.restore();
        }
    }

    /**
     * The recorder's callbacks for the meters and the JVM's shutdown. A class rather than method references: a JVM
     * whose test framework has not made a lambda yet would spend some 20 ms starting the first (its bootstrap).
     */
    private static final class Calls implements HeapWatchdog.Listener, GcOverhead.Listener, Runnable {
        private final Recorder recorder;

        Calls(Recorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void nearLimit(String pool, long used, long max) {
            recorder.nearLimit(pool, used, max);
        }

        @Override
        public boolean pastSaving(GcOverhead.Reading reading) {
            return recorder.gcOverhead(reading);
        }

        @Override
        public void run() {
            recorder.shutdown();
        }
    }

    /** A class in flight. */
    private static final class Open {
        final int seq;
        int depth = 1;
        ClassMeter.Window window;
        TestCounts counts = TestCounts.NONE;
        String method;

        Open(int seq) {
            this.seq = seq;
        }
    }
}
