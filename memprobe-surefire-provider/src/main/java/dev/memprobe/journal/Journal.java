package dev.memprobe.journal;

/**
 * The journal a fork writes: one JSON object a line, appended and written through per line, so that a fork killed
 * at any moment leaves every earlier line intact. This class holds the format version and the names of the fields;
 * {@link EventType} names the events, {@link MeasureField} the measurements of a class. Only {@link JournalEncoder}
 * and {@link JournalDecoder} use the names: everything else writes and reads the typed {@link JournalEvent}s
 * ({@link JournalWriter}, {@link JournalTail}).
 *
 * <p>Every line has {@value #EVENT} and {@value #TIME} (epoch milliseconds). The events, in the order a fork
 * writes them:
 *
 * <ul>
 *   <li>{@code fork}: pid, Java version, vendor, VM, max heap, GC names, whether RSS high-water can be reset.
 *   <li>{@code plan}: the classes this fork is about to run, in run order.
 *   <li>{@code class-start}, then per test {@code test-start} and {@code test-end}, then {@code class-end} with the
 *       class's measurements. A {@code class-start} without its {@code class-end} names the class in flight when
 *       the fork died.
 *   <li>{@code near-limit}: a heap pool was still nearly full after a collection (written before an OOM).
 *   <li>{@code gc-overhead}: the JVM is past saving: {@value #GC_MILLIS} of the last {@value #WINDOW_MILLIS} in
 *       collections, at least {@value #USED} of {@value #MAX} live after each of its {@value #COLLECTIONS}, with the
 *       class and method in flight and the measurements so far. Written once, when the plugin asked the fork to
 *       watch ({@code ForkOptions#watchGcOverhead()}); the plugin decides whether the fork ends of it.
 *   <li>{@code error}: a throwable escaped the test framework (JUnit 5 rethrows {@code OutOfMemoryError}), with the
 *       class and method in flight and the measurements so far.
 *   <li>{@code recovered}: after an {@code OutOfMemoryError} of the heap, when the plugin asked the fork to go on
 *       past one: a full collection gave the heap back ({@value #USED} of {@value #MAX} in use). Written before the
 *       error's {@code test-end}; when JUnit 5 rethrew the error, the provider then writes that {@code test-end} and
 *       the class's {@code class-end} itself and runs the classes not yet started.
 *   <li>{@code shutdown}: the JVM began to exit while tests were running ({@code System.exit} or a signal).
 *   <li>{@code run-end}: the provider returned normally.
 *   <li>{@code memory}: a sample of the fork's memory ({@value #USED} heap in use, {@value #LIVE} heap after the latest
 *       collection, {@value #RSS} resident memory), a few times a second, for the chart of memory over time.
 *   <li>{@code heap-dump}: for a class the plugin asked about, a heap dump of live objects was written (its
 *       {@value #PHASE}: {@code start}, {@code end} or {@code error}; {@value #FILE}, {@value #BYTES}, {@value #MILLIS}),
 *       or {@value #REASON} says why none was.
 *   <li>{@code threads-left}: for such a class, the threads it started that were still alive at its end or its
 *       memory error ({@value #COUNT}, and the first of them with name, daemon, state, the code each runs and, where
 *       Flight Recorder saw it, the frame that started it).
 * </ul>
 *
 * <p>A reader skips events it does not know (a newer provider's) and reads a missing field as "not written".
 */
public final class Journal {

    /** Version of the record format; written in the {@code fork} line. */
    public static final int FORMAT = 1;

    static final String EVENT = "event";
    static final String TIME = "time";

    // fields of "fork"
    static final String FORMAT_VERSION = "format";
    static final String PID = "pid";
    static final String JAVA_VERSION = "java";
    static final String JAVA_VENDOR = "vendor";
    static final String VM = "vm";
    static final String MAX_HEAP = "maxHeap";
    static final String GCS = "gcs";
    static final String RSS_RESET = "rssReset";
    /** When the fork's JVM started (epoch ms): with the line's time, how long the JVM took to reach memprobe. */
    static final String JVM_START = "jvmStart";
    /** Present (true) when the provider switched the project's JUnit parallel execution off. */
    static final String PARALLEL_FORCED_OFF = "parallelForcedOff";

    // fields of "plan"
    static final String CLASSES = "classes";

    // fields shared by class, test, error and shutdown events
    static final String CLASS = "class";
    static final String METHOD = "method";
    static final String SEQ = "seq";

    // fields of "test-end" (the problem also in "error")
    static final String STATUS = "status";
    static final String MILLIS = "ms";
    static final String THROWABLE = "throwable";
    static final String MESSAGE = "message";
    /** Bytes the test thread allocated during the method. */
    static final String ALLOCATED = "allocated";
    /** What the method left behind in the heap. */
    static final String KEPT = "kept";

    // fields of "class-end" besides the measurements of MeasureField
    static final String TESTS = "tests";
    static final String FAILURES = "failures";
    static final String ERRORS = "errors";
    static final String SKIPS = "skipped";
    static final String POOL_PEAKS = "poolPeaks";
    static final String HISTOGRAM = "histogram";
    /** The measurements so far, nested, in "error" and "shutdown". */
    static final String MEASURE = "measure";

    // fields of a histogram row
    static final String TYPE = "type";
    static final String BYTES = "bytes";
    static final String INSTANCES = "instances";
    static final String GROWTH = "growth";

    // fields of "near-limit" and "recovered"
    static final String POOL = "pool";
    static final String USED = "used";
    static final String LIVE = "live";
    static final String RSS = "rss";
    static final String MAX = "max";

    // fields of "gc-overhead" (and its class, method, "used", "max" and "measure")
    static final String WINDOW_MILLIS = "windowMs";
    static final String GC_MILLIS = "gcMs";
    static final String COLLECTIONS = "collections";

    // fields of "shutdown"
    static final String TRIGGER = "trigger";
    static final String CALLER = "caller";

    // fields of "heap-dump" (with class, bytes and ms)
    static final String PHASE = "phase";
    static final String FILE = "file";
    static final String COMPRESSED_OOPS = "compressedOops";
    static final String REASON = "reason";

    // fields of "threads-left" (with class) and of each thread it lists
    static final String COUNT = "count";
    static final String THREADS = "threads";
    static final String NAME = "name";
    static final String DAEMON = "daemon";
    static final String STATE = "state";
    static final String RUNS = "runs";
    static final String STARTED_BY = "startedBy";

    private Journal() {}
}
