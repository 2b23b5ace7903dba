package dev.memprobe.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the plugin tells the provider in a fork: one half of the contract between the two JVMs (the journal format is
 * the other). The plugin writes these as Surefire provider properties, the fork reads them back; both sides go through
 * this class, so a key cannot drift.
 *
 * <p>Immutable: each {@code with...} method returns a changed copy. A new option is a key, a field, its line in
 * {@link #copy}, {@link #fromProperties}, {@link #toProperties} and {@link #equals}, a wither and an accessor.
 */
public final class ForkOptions {

    /** Prefix of every key memprobe puts into Surefire's provider properties. */
    public static final String PREFIX = "memprobe.";

    public static final String JOURNAL = PREFIX + "journal";
    public static final String PLAN = PREFIX + "plan";
    public static final String PLAN_ORDER = PREFIX + "planOrder";
    public static final String DELEGATE = PREFIX + "delegate";
    public static final String NEAR_LIMIT = PREFIX + "nearLimit";
    public static final String EXACT_RETAINED = PREFIX + "exactRetained";
    public static final String HISTOGRAM_CLASSES = PREFIX + "histogramClasses";
    public static final String HISTOGRAM_TOP = PREFIX + "histogramTop";
    public static final String CONTINUE_AFTER_MEMORY_ERROR = PREFIX + "continueAfterMemoryError";
    /** Classes to dump the heap of after they end (with a baseline dump before the first of them starts). */
    public static final String DUMP_AT_END = PREFIX + "dumpAtEnd";
    /** Classes to dump the heap of at their memory error. */
    public static final String DUMP_ON_ERROR = PREFIX + "dumpOnError";
    /** Whether the fork records where threads are started (Flight Recorder) for the classes it dumps. */
    public static final String THREAD_STARTS = PREFIX + "threadStarts";
    /** Whether the fork watches for GC overhead and journals {@code gc-overhead} once it is past saving. */
    public static final String WATCH_GC_OVERHEAD = PREFIX + "watchGcOverhead";

    /** Default share of a heap pool's maximum that, still used after a collection, counts as "near the limit". */
    public static final double DEFAULT_NEAR_LIMIT = 0.9;

    // not final only so that a wither can set one field of a fresh copy; never changed once a caller has the object
    private String journal;
    private String plan;
    private boolean surefireOrder;
    private String delegate;
    private double nearLimit;
    private boolean exactRetained;
    private Set<String> histogramClasses;
    private int histogramTop;
    private boolean continueAfterMemoryError;
    private Set<String> dumpAtEnd = Collections.emptySet();
    private Set<String> dumpOnError = Collections.emptySet();
    private boolean watchGcOverhead;
    private boolean threadStarts;

    /**
     * @param plan file of classes to run, or null for what Surefire scanned
     * @param surefireOrder run the planned classes in Surefire's runOrder rather than as listed
     * @param delegate the provider class Surefire detected; null on the plugin side, where it is known only at fork
     *     time and added by the plugin's provider wrapper
     */
    public ForkOptions(
            String journal,
            String plan,
            boolean surefireOrder,
            String delegate,
            double nearLimit,
            boolean exactRetained,
            Set<String> histogramClasses,
            int histogramTop) {
        if (journal == null || journal.isEmpty()) {
            throw new IllegalArgumentException(JOURNAL + " is required");
        }
        if (!(nearLimit > 0 && nearLimit <= 1)) {
            throw new IllegalArgumentException(NEAR_LIMIT + " must be in (0, 1], was " + nearLimit);
        }
        if (histogramTop < 0) {
            throw new IllegalArgumentException(HISTOGRAM_TOP + " must not be negative, was " + histogramTop);
        }
        this.journal = journal;
        setPlan(plan, surefireOrder);
        this.delegate = delegate == null || delegate.isEmpty() ? null : delegate;
        this.nearLimit = nearLimit;
        this.exactRetained = exactRetained;
        this.histogramClasses = names(histogramClasses);
        this.histogramTop = histogramTop;
    }

    private ForkOptions() {}

    /** A copy of every field, for a wither to change one. */
    private ForkOptions copy() {
        ForkOptions copy = new ForkOptions();
        copy.journal = journal;
        copy.plan = plan;
        copy.surefireOrder = surefireOrder;
        copy.delegate = delegate;
        copy.nearLimit = nearLimit;
        copy.exactRetained = exactRetained;
        copy.histogramClasses = histogramClasses;
        copy.histogramTop = histogramTop;
        copy.continueAfterMemoryError = continueAfterMemoryError;
        copy.dumpAtEnd = dumpAtEnd;
        copy.dumpOnError = dumpOnError;
        copy.watchGcOverhead = watchGcOverhead;
        copy.threadStarts = threadStarts;
        return copy;
    }

    private void setPlan(String planFile, boolean inSurefireOrder) {
        this.plan = planFile == null || planFile.isEmpty() ? null : planFile;
        // without a plan there is no order to choose, and none is written: keep the two sides equal
        this.surefireOrder = this.plan != null && inSurefireOrder;
    }

    /** Options with every optional value at its default. */
    public static ForkOptions of(String journal, String delegate) {
        return new ForkOptions(
                journal, null, false, delegate, DEFAULT_NEAR_LIMIT, false, Collections.<String>emptySet(), 10);
    }

    /**
     * Reads the options back from Surefire's provider properties; keys without the prefix are ignored.
     *
     * @throws IllegalArgumentException when a required key is missing or a value is malformed
     */
    public static ForkOptions fromProperties(Map<String, String> properties) {
        if (properties.get(DELEGATE) == null) {
            throw new IllegalArgumentException(DELEGATE + " is required");
        }
        String nearLimit = properties.get(NEAR_LIMIT);
        String top = properties.get(HISTOGRAM_TOP);
        ForkOptions options = new ForkOptions(
                        properties.get(JOURNAL),
                        properties.get(PLAN),
                        "surefire".equals(properties.get(PLAN_ORDER)),
                        properties.get(DELEGATE),
                        nearLimit == null ? DEFAULT_NEAR_LIMIT : decimal(NEAR_LIMIT, nearLimit),
                        Boolean.parseBoolean(properties.get(EXACT_RETAINED)),
                        split(properties.get(HISTOGRAM_CLASSES)),
                        top == null ? 10 : whole(HISTOGRAM_TOP, top))
                .copy();
        options.continueAfterMemoryError = Boolean.parseBoolean(properties.get(CONTINUE_AFTER_MEMORY_ERROR));
        options.dumpAtEnd = split(properties.get(DUMP_AT_END));
        options.dumpOnError = split(properties.get(DUMP_ON_ERROR));
        options.watchGcOverhead = Boolean.parseBoolean(properties.get(WATCH_GC_OVERHEAD));
        options.threadStarts = Boolean.parseBoolean(properties.get(THREAD_STARTS));
        return options;
    }

    /** The class names of a comma-separated list; empty for null. */
    private static Set<String> split(String list) {
        Set<String> classes = new LinkedHashSet<>();
        if (list != null) {
            for (String name : list.split(",")) {
                if (!name.trim().isEmpty()) {
                    classes.add(name.trim());
                }
            }
        }
        return Collections.unmodifiableSet(classes);
    }

    private static Set<String> names(Set<String> names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    private static String joined(Set<String> names) {
        StringBuilder joined = new StringBuilder();
        for (String name : names) {
            if (joined.length() > 0) {
                joined.append(',');
            }
            joined.append(name);
        }
        return joined.toString();
    }

    private static double decimal(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number in (0, 1], was " + value);
        }
    }

    private static int whole(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was " + value);
        }
    }

    /** The provider properties that carry these options into a fork. */
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(JOURNAL, journal);
        if (plan != null) {
            properties.put(PLAN, plan);
            properties.put(PLAN_ORDER, surefireOrder ? "surefire" : "listed");
        }
        if (delegate != null) {
            properties.put(DELEGATE, delegate);
        }
        properties.put(NEAR_LIMIT, Double.toString(nearLimit));
        properties.put(EXACT_RETAINED, Boolean.toString(exactRetained));
        if (!histogramClasses.isEmpty()) {
            properties.put(HISTOGRAM_CLASSES, joined(histogramClasses));
        }
        properties.put(HISTOGRAM_TOP, Integer.toString(histogramTop));
        properties.put(CONTINUE_AFTER_MEMORY_ERROR, Boolean.toString(continueAfterMemoryError));
        if (!dumpAtEnd.isEmpty()) {
            properties.put(DUMP_AT_END, joined(dumpAtEnd));
        }
        if (!dumpOnError.isEmpty()) {
            properties.put(DUMP_ON_ERROR, joined(dumpOnError));
        }
        properties.put(WATCH_GC_OVERHEAD, Boolean.toString(watchGcOverhead));
        properties.put(THREAD_STARTS, Boolean.toString(threadStarts));
        return properties;
    }

    public ForkOptions withPlan(String planFile, boolean inSurefireOrder) {
        ForkOptions copy = copy();
        copy.setPlan(planFile, inSurefireOrder);
        return copy;
    }

    public ForkOptions withDelegate(String provider) {
        ForkOptions copy = copy();
        copy.delegate = provider == null || provider.isEmpty() ? null : provider;
        return copy;
    }

    public ForkOptions withExactRetained(boolean exact) {
        ForkOptions copy = copy();
        copy.exactRetained = exact;
        return copy;
    }

    public ForkOptions withHistogramClasses(Set<String> classes) {
        ForkOptions copy = copy();
        copy.histogramClasses = names(classes);
        return copy;
    }

    /**
     * Options with which the fork goes on with the classes not yet started when a heap {@code OutOfMemoryError}
     * escapes the test framework and a full collection gives the heap back (see {@code MemprobeProvider}).
     */
    public ForkOptions withContinueAfterMemoryError(boolean goOn) {
        ForkOptions copy = copy();
        copy.continueAfterMemoryError = goOn;
        return copy;
    }

    /**
     * Options with which the fork writes heap dumps of live objects into the journal's folder: after each class of
     * {@code atEnd} (and once before the first of them starts, as their baseline), and at the memory error of each
     * class of {@code onError}; each with the threads the class left running.
     */
    public ForkOptions withHeapDumps(Set<String> atEnd, Set<String> onError) {
        ForkOptions copy = copy();
        copy.dumpAtEnd = names(atEnd);
        copy.dumpOnError = names(onError);
        return copy;
    }

    /**
     * Options with which the fork, for the classes it dumps, records where each thread is started (a Flight Recorder
     * recording of {@code jdk.ThreadStart}, about 30 MiB of RSS and half a second: not for a probe under a memory
     * limit).
     */
    public ForkOptions withThreadStarts(boolean record) {
        ForkOptions copy = copy();
        copy.threadStarts = record;
        return copy;
    }

    /**
     * Options with which the fork watches for GC overhead ({@code dev.memprobe.measure.GcOverhead}) and journals
     * {@code gc-overhead} once it is past saving; what becomes of the fork then is the plugin's decision.
     */
    public ForkOptions withWatchGcOverhead(boolean watch) {
        ForkOptions copy = copy();
        copy.watchGcOverhead = watch;
        return copy;
    }

    public String journal() {
        return journal;
    }

    /** The file listing the classes to run, one per line in run order; {@code null}: run what Surefire scanned. */
    public String plan() {
        return plan;
    }

    /**
     * Whether the planned classes run in Surefire's runOrder (true) or as the plan lists them (false); always false
     * without a plan.
     */
    public boolean surefireOrder() {
        return surefireOrder;
    }

    /** The provider Surefire detected, which runs the tests; null until the plugin's wrapper adds it. */
    public String delegate() {
        return delegate;
    }

    public double nearLimit() {
        return nearLimit;
    }

    public boolean exactRetained() {
        return exactRetained;
    }

    public Set<String> histogramClasses() {
        return histogramClasses;
    }

    public int histogramTop() {
        return histogramTop;
    }

    public boolean continueAfterMemoryError() {
        return continueAfterMemoryError;
    }

    /** The classes whose heap the fork dumps after they end; empty for none. */
    public Set<String> dumpAtEnd() {
        return dumpAtEnd;
    }

    /** The classes whose heap the fork dumps at their memory error; empty for none. */
    public Set<String> dumpOnError() {
        return dumpOnError;
    }

    public boolean threadStarts() {
        return threadStarts;
    }

    public boolean watchGcOverhead() {
        return watchGcOverhead;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForkOptions && toProperties().equals(((ForkOptions) o).toProperties());
    }

    @Override
    public int hashCode() {
        return toProperties().hashCode();
    }

    @Override
    public String toString() {
        return "ForkOptions" + toProperties();
    }
}
