package dev.memprobe.bisect;

import dev.memprobe.journal.MeasureField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One fresh fork of a {@link SimulatedSuite}: runs classes in order and measures each the way the provider does.
 *
 * <p>The heap model: the fork starts holding {@code base} bytes. A class runs in {@value #STEPS} steps; in each it
 * allocates a tenth of its bytes, its working set grows by a tenth of its need and its leak by a tenth of the leak.
 * A collection runs when the bytes allocated since the last one reach the young generation's size or fill the heap;
 * it observes the live set (everything leaked so far plus the running class's working set) and frees the rest. The
 * class dies of a heap OutOfMemoryError as soon as the live set exceeds the maximum heap, so it dies exactly when
 * {@code retained before it + its leak + its need > heapMax}. The working set is dropped when the class ends; the
 * leak stays for the rest of the fork. A fork that may go on past memory errors does so after a death of the heap when
 * what earlier classes keep is at most three quarters of the heap, as memprobe's provider does after its full
 * collection. A suite that {@linkplain SimulatedSuite.Builder#crawlsAbove crawls} models G1 just under the limit: a
 * class whose live set passes that share of the heap, and that would not pass the heap itself, is stopped by memprobe
 * as past saving, a {@code gc-overhead} death with its measurements so far, as the provider's {@code gc-overhead}
 * line gives them.
 *
 * <p>Outside the heap (metaspace, threads, direct buffers, native memory counted in the RSS) a class's use grows the
 * same way, step by step, from what the classes before it keep; past the suite's {@link SimulatedSuite#limit} the
 * fork dies of that resource (memprobe's memory limit kills it for the RSS), and no fork goes on past that.
 */
final class SimulatedFork {

    static final int STEPS = 10;
    static final String OOM = "java.lang.OutOfMemoryError: Java heap space";
    /**
     * The provider's {@code HeapRecovery}: a fork asked to go on past a heap error does when a full collection leaves
     * at most this share of the heap in use ({@code SimulatedSuiteTest} checks that the two agree).
     */
    static final double RECOVERED_SHARE = 0.75;

    private static final long NATIVE = SimulatedClass.mib(96);
    private static final long METASPACE = SimulatedClass.mib(40);
    private static final long THREADS = 14;

    private final SimulatedSuite suite;
    private final Predicate<SimulatedClass> flakes;
    private final List<ClassRun> runs = new ArrayList<>();
    private long retained;
    /** What the classes so far keep of each resource outside the heap, beyond the JVM's own. */
    private final Map<Resource, Long> offHeapKept = new EnumMap<>(Resource.class);

    private long liveRef;
    private long lastObserved = -1;
    private long sinceGc;
    private long clock;
    private Death death;
    private boolean stopped;
    private boolean goOn;
    private boolean recovered;

    /** @param flakes whether this run of a class dies regardless of memory (counts the run) */
    SimulatedFork(SimulatedSuite suite, Predicate<SimulatedClass> flakes) {
        this.suite = suite;
        this.flakes = flakes;
        this.retained = suite.base();
        this.liveRef = suite.base();
    }

    /** Runs the classes in order until one dies (or, with {@code stopOnFailure}, fails of memory). */
    void run(List<SimulatedClass> classes, Set<String> histogramClasses, boolean stopOnFailure) {
        goOn = !stopOnFailure;
        for (SimulatedClass c : classes) {
            runs.add(runClass(c, histogramClasses.contains(c.name())));
            boolean memoryError = runs.get(runs.size() - 1).outcome() == ClassRun.Outcome.MEMORY_ERROR;
            // the plugin stops a fork after a memory error unless it may go on and the heap was given back
            if (death != null || (memoryError && (stopOnFailure || !recovered))) {
                stopped = true;
                return;
            }
            if (c.forkDiesAfter() != null) {
                death = new Death(
                        c.forkDiesAfter(),
                        c.forkDiesAfter() == Cause.KILLED || c.forkDiesAfter() == Cause.MEMORY_LIMIT ? 137 : 1,
                        null,
                        null,
                        "the fork died after " + c.name() + " ended");
                stopped = true;
                return;
            }
        }
    }

    List<ClassRun> runs() {
        return runs;
    }

    Death death() {
        return death;
    }

    boolean stopped() {
        return stopped;
    }

    long elapsedMs() {
        return clock;
    }

    private ClassRun runClass(SimulatedClass c, boolean histogram) {
        Window w = new Window();
        if (suite.exact()) {
            collect(retained);
        }
        w.liveBefore = lastObserved;
        w.start = retained;
        w.offHeapResource = c.offHeap();
        w.offStart = c.offHeap() == null ? 0 : offHeapKept.getOrDefault(c.offHeap(), 0L);
        w.offPeak = w.offStart;
        w.offEnd = w.offStart;
        if (c.ending() == Cause.EXIT) {
            clock += Math.min(c.durationMs(), 5);
            return died(c, w, 0, new Death(Cause.EXIT, 1, c.name(), "exits", "System.exit(1) called from " + c.name()));
        }
        boolean flake = flakes.test(c);
        for (int step = 1; step <= STEPS; step++) {
            long alloc = c.allocated() / STEPS + (step == STEPS ? c.allocated() % STEPS : 0);
            w.allocated += alloc;
            sinceGc += alloc;
            long leaked = w.start + c.leak() * step / STEPS;
            long live = leaked + c.need() * step / STEPS;
            retained = leaked;
            w.peak = Math.max(w.peak, Math.min(suite.heapMax(), Math.max(liveRef + sinceGc, live)));
            if (live > suite.heapMax() || (flake && step == STEPS / 2)) {
                w.observe(Math.min(live, suite.heapMax()));
                clock += c.durationMs() * step / STEPS;
                return memoryDeath(c, w, step);
            }
            // a class that will pass the heap dies of its OutOfMemoryError before memprobe has seen a crawl
            if (suite.crawlsAbove() > 0
                    && live > suite.crawlsAbove()
                    && w.start + c.leak() + c.need() <= suite.heapMax()) {
                w.observe(live);
                w.peak = suite.heapMax();
                clock += c.durationMs() * step / STEPS;
                return died(c, w, step, new Death(Cause.GC_OVERHEAD, 137, c.name(), "crawls", crawlEvidence(live)));
            }
            if (c.offHeap() != null) {
                long kept = w.offStart + c.offHeapLeak() * step / STEPS;
                w.offPeak = Math.max(w.offPeak, kept + c.offHeapNeed() * step / STEPS);
                w.offEnd = kept;
                if (base(c.offHeap()) + w.offPeak > suite.limit(c.offHeap())) {
                    clock += c.durationMs() * step / STEPS;
                    return died(c, w, step, offHeapDeath(c));
                }
            }
            if (sinceGc >= Math.min(suite.young(), suite.heapMax() - liveRef)) {
                collect(live);
                w.observe(live);
            }
        }
        clock += c.durationMs();
        if (clock > suite.forkTimeoutMs()) {
            return died(c, w, STEPS, new Death(Cause.TIMEOUT, 143, c.name(), "slow", timeoutEvidence()));
        }
        long heapEnd = Math.min(suite.heapMax(), liveRef + sinceGc);
        if (c.offHeap() != null) {
            offHeapKept.put(c.offHeap(), w.offEnd);
        }
        long exactRetained = -1;
        if (suite.exact()) {
            collect(retained);
            exactRetained = retained;
        }
        return new ClassRun(
                c.name(),
                ClassRun.Outcome.PASSED,
                3,
                0,
                0,
                0,
                w.measure(c, exactRetained, heapEnd, histogram),
                null,
                null,
                null);
    }

    private ClassRun memoryDeath(SimulatedClass c, Window w, int step) {
        w.peak = suite.heapMax();
        // a test framework that reports the error as a failed test goes on; so does memprobe's provider, when asked,
        // after JUnit 5 rethrew it, if a collection leaves the heap at most three quarters full
        recovered = goOn && w.start <= suite.heapMax() * RECOVERED_SHARE;
        if (suite.oomAsTestError() || recovered) {
            retained = w.start; // the test's data is unreachable once the error is thrown; a leak half-made is dropped
            if (!suite.oomAsTestError()) {
                collect(retained); // the provider's full collection, inside the class's window
                w.observe(retained);
            }
            Measure m = w.measure(c, -1, suite.heapMax(), false);
            return new ClassRun(
                    c.name(),
                    ClassRun.Outcome.MEMORY_ERROR,
                    c.beforeAll() ? 0 : 3,
                    0,
                    c.beforeAll() ? 0 : 1,
                    0,
                    m,
                    OOM,
                    method(c),
                    Cause.HEAP_OOM);
        }
        return died(c, w, step, new Death(Cause.HEAP_OOM, null, c.name(), method(c), OOM));
    }

    /** The test method in flight when the class fails: none while its {@code @BeforeAll} runs. */
    private static String method(SimulatedClass c) {
        return c.beforeAll() ? null : "loads";
    }

    /** The JVM's own use of a resource outside the heap, before any class: the heap counts in the RSS as committed. */
    private long base(Resource resource) {
        return switch (resource) {
            case METASPACE -> METASPACE;
            case THREADS -> THREADS;
            case DIRECT_BUFFERS -> 0;
            case RSS -> NATIVE + suite.heapMax();
            case HEAP -> suite.base();
        };
    }

    /** A death of memory outside the heap: the fork cannot go on past it. */
    private Death offHeapDeath(SimulatedClass c) {
        Resource r = c.offHeap();
        return switch (r) {
            case METASPACE ->
                new Death(Cause.METASPACE_OOM, 1, c.name(), method(c), "java.lang.OutOfMemoryError: Metaspace");
            case THREADS ->
                new Death(
                        Cause.THREAD_OOM,
                        1,
                        c.name(),
                        method(c),
                        "java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory");
            case DIRECT_BUFFERS ->
                new Death(
                        Cause.DIRECT_OOM,
                        1,
                        c.name(),
                        method(c),
                        "java.lang.OutOfMemoryError: Cannot reserve 1048576 bytes of direct buffer memory");
            case RSS ->
                new Death(
                        Cause.MEMORY_LIMIT,
                        137,
                        c.name(),
                        method(c),
                        "RSS over memprobe.memoryLimit (" + suite.limit(Resource.RSS) / SimulatedClass.MIB
                                + " MiB); memprobe sent SIGKILL");
            case HEAP -> throw new IllegalArgumentException(c.name() + " uses the heap as the heap");
        };
    }

    private ClassRun died(SimulatedClass c, Window w, int step, Death how) {
        death = how;
        Measure m = suite.measuresDeath() ? w.measure(c, -1, Math.max(w.peak, liveRef), false) : Measure.NONE;
        String problem = how.cause().description() + ": " + how.evidence();
        return new ClassRun(
                c.name(),
                ClassRun.Outcome.DIED,
                0,
                0,
                0,
                0,
                m.withDuration(c.durationMs() * step / STEPS),
                problem,
                how.inFlightMethod(),
                null);
    }

    private String crawlEvidence(long live) {
        return "memprobe stopped the fork with SIGKILL: 94% of the last 10 s in GC, at least "
                + live / SimulatedClass.MIB + " MiB of " + suite.heapMax() / SimulatedClass.MIB
                + " MiB live after each";
    }

    private String timeoutEvidence() {
        return "ran past memprobe.forkTimeout (" + suite.forkTimeoutMs() + " ms); memprobe sent SIGTERM";
    }

    private void collect(long live) {
        liveRef = live;
        lastObserved = live;
        sinceGc = 0;
    }

    /** What the provider sees of one class. */
    private final class Window {
        long liveBefore;
        long start;
        long allocated;
        long peak;
        long offStart;
        long offPeak;
        long offEnd;
        long liveMin = -1;
        long liveMax = -1;
        long liveLast = -1;
        int gcCount;

        void observe(long live) {
            liveMin = liveMin < 0 ? live : Math.min(liveMin, live);
            liveMax = Math.max(liveMax, live);
            liveLast = live;
            gcCount++;
        }

        /** The class's use of {@code resource} (what the fork holds of it beyond the JVM's own), if it is its own. */
        private long of(Resource resource, long value) {
            return resource == offHeapResource ? value : offHeapKept.getOrDefault(resource, 0L);
        }

        Resource offHeapResource;

        Measure measure(SimulatedClass c, long exactRetained, long heapEnd, boolean histogram) {
            Map<String, Long> pools = new LinkedHashMap<>();
            long old = liveMin < 0 ? start : liveMin;
            pools.put("G1 Old Gen", Math.min(old, peak));
            pools.put("G1 Eden Space", Math.max(0, peak - old));
            List<Measure.HistogramRow> rows = histogram && c.leak() > 0
                    ? List.of(new Measure.HistogramRow("byte[]", c.leak(), Math.max(1, c.leak() / 4096), c.leak()))
                    : List.of();
            Map<MeasureField, Long> values = new EnumMap<>(MeasureField.class);
            values.put(MeasureField.MILLIS, c.durationMs());
            values.put(MeasureField.HEAP_PEAK, peak);
            values.put(MeasureField.LIVE_MIN, liveMin);
            values.put(MeasureField.LIVE_MAX, liveMax);
            values.put(MeasureField.LIVE_LAST, liveLast);
            values.put(MeasureField.LIVE_BEFORE, liveBefore);
            values.put(MeasureField.RETAINED, exactRetained);
            values.put(MeasureField.HEAP_END, heapEnd);
            values.put(MeasureField.HEAP_MAX, suite.heapMax());
            values.put(MeasureField.RSS_PEAK, base(Resource.RSS) + of(Resource.RSS, offPeak));
            values.put(MeasureField.RSS_END, base(Resource.RSS) + of(Resource.RSS, offEnd));
            values.put(MeasureField.DIRECT_PEAK, of(Resource.DIRECT_BUFFERS, offPeak));
            values.put(MeasureField.DIRECT_END, of(Resource.DIRECT_BUFFERS, offEnd));
            values.put(MeasureField.MAPPED_END, 0L);
            values.put(MeasureField.METASPACE_PEAK, METASPACE + of(Resource.METASPACE, offPeak));
            values.put(MeasureField.METASPACE_END, METASPACE + of(Resource.METASPACE, offEnd));
            values.put(MeasureField.THREADS_START, THREADS + of(Resource.THREADS, offStart));
            values.put(MeasureField.THREADS_PEAK, THREADS + of(Resource.THREADS, offPeak));
            values.put(MeasureField.THREADS_END, THREADS + of(Resource.THREADS, offEnd));
            values.put(MeasureField.ALLOCATED, allocated);
            values.put(MeasureField.GC_COUNT, (long) gcCount);
            values.put(MeasureField.GC_MILLIS, gcCount * 3L);
            return new Measure(values, pools, rows);
        }
    }
}
