package dev.memprobe.journal;

/**
 * The journal a fork writes: one JSON object a line, appended and written through per line, so that a fork killed
 * at any moment leaves every earlier line intact. This class names the events and their fields; {@link JournalWriter}
 * writes them and {@link JournalReader} reads them back.
 *
 * <p>Every line has {@value #EVENT} and {@value #TIME} (epoch milliseconds). The events, in the order a fork
 * writes them:
 *
 * <ul>
 *   <li>{@value #FORK}: pid, Java version, vendor, VM, max heap, GC names, whether RSS high-water can be reset.
 *   <li>{@value #PLAN}: the classes this fork is about to run, in run order.
 *   <li>{@value #CLASS_START}, then per test {@value #TEST_START} and {@value #TEST_END}, then {@value #CLASS_END}
 *       with the class's measurements. A {@value #CLASS_START} without its {@value #CLASS_END} names the class in
 *       flight when the fork died.
 *   <li>{@value #NEAR_LIMIT}: a heap pool was still nearly full after a collection (written before an OOM).
 *   <li>{@value #ERROR}: a throwable escaped the test framework (JUnit 5 rethrows {@code OutOfMemoryError}), with
 *       the class and method in flight and the measurements so far.
 *   <li>{@value #RECOVERED}: after an {@code OutOfMemoryError} of the heap, when the plugin asked the fork to go on
 *       past one: a full collection gave the heap back ({@value #USED} of {@value #MAX} in use). Written before the
 *       error's {@value #TEST_END}; when JUnit 5 rethrew the error, the provider then writes that {@value #TEST_END} and
 *       the class's {@value #CLASS_END} itself and runs the classes not yet started.
 *   <li>{@value #SHUTDOWN}: the JVM began to exit while tests were running ({@code System.exit} or a signal).
 *   <li>{@value #RUN_END}: the provider returned normally.
 * </ul>
 */
public final class Journal {

    /** Version of the record format; written in the {@value #FORK} line. */
    public static final int FORMAT = 1;

    public static final String EVENT = "event";
    public static final String TIME = "time";

    public static final String FORK = "fork";
    public static final String PLAN = "plan";
    public static final String CLASS_START = "class-start";
    public static final String TEST_START = "test-start";
    public static final String TEST_END = "test-end";
    public static final String CLASS_END = "class-end";
    public static final String NEAR_LIMIT = "near-limit";
    public static final String ERROR = "error";
    public static final String SHUTDOWN = "shutdown";
    public static final String RECOVERED = "recovered";
    public static final String RUN_END = "run-end";

    // fields of "fork"
    public static final String FORMAT_VERSION = "format";
    public static final String PID = "pid";
    public static final String JAVA_VERSION = "java";
    public static final String JAVA_VENDOR = "vendor";
    public static final String VM = "vm";
    public static final String MAX_HEAP = "maxHeap";
    public static final String GCS = "gcs";
    public static final String RSS_RESET = "rssReset";
    /** When the fork's JVM started (epoch ms): with the line's time, how long the JVM took to reach memprobe. */
    public static final String JVM_START = "jvmStart";

    // fields of "plan"
    public static final String CLASSES = "classes";

    // fields shared by class, test, error and shutdown events
    public static final String CLASS = "class";
    public static final String METHOD = "method";
    public static final String SEQ = "seq";

    // fields of "test-end"
    public static final String STATUS = "status";
    public static final String MILLIS = "ms";
    public static final String THROWABLE = "throwable";
    public static final String MESSAGE = "message";

    /** Values of {@value #STATUS} in "test-end". */
    public static final String PASSED = "passed";

    public static final String FAILED = "failed";
    public static final String ERRORED = "error";
    public static final String SKIPPED = "skipped";

    // fields of "class-end" (and the measurements in "error" and "shutdown")
    public static final String TESTS = "tests";
    public static final String FAILURES = "failures";
    public static final String ERRORS = "errors";
    public static final String SKIPS = "skipped";
    public static final String HEAP_PEAK = "heapPeak";
    public static final String POOL_PEAKS = "poolPeaks";
    public static final String LIVE_MIN = "liveMin";
    public static final String LIVE_MAX = "liveMax";
    public static final String LIVE_LAST = "liveLast";
    public static final String LIVE_BEFORE = "liveBefore";
    public static final String RETAINED = "retained";
    public static final String GC_COUNT = "gcCount";
    public static final String GC_MILLIS = "gcMs";
    public static final String HEAP_END = "heapEnd";
    public static final String HEAP_MAX = "heapMax";
    public static final String RSS_PEAK = "rssPeak";
    public static final String RSS_END = "rssEnd";
    public static final String DIRECT_PEAK = "directPeak";
    public static final String DIRECT_END = "directEnd";
    public static final String MAPPED_END = "mappedEnd";
    public static final String METASPACE_PEAK = "metaspacePeak";
    public static final String METASPACE_END = "metaspaceEnd";
    public static final String CLASSES_LOADED = "classesLoaded";
    public static final String THREADS_PEAK = "threadsPeak";
    public static final String THREADS_END = "threadsEnd";
    public static final String THREADS_START = "threadsStart";
    public static final String ALLOCATED = "allocated";
    public static final String HISTOGRAM = "histogram";
    public static final String MEASURE = "measure";

    // fields of "near-limit"
    public static final String POOL = "pool";
    public static final String USED = "used";
    public static final String MAX = "max";

    // fields of "shutdown"
    public static final String TRIGGER = "trigger";
    public static final String CALLER = "caller";

    /** Values of {@value #TRIGGER}. */
    public static final String TRIGGER_EXIT = "exit";

    public static final String TRIGGER_SIGNAL = "signal";
    public static final String TRIGGER_UNKNOWN = "unknown";

    private Journal() {}
}
