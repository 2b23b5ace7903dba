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
    /** Whether the fork watches for GC overhead and journals {@code gc-overhead} once it is past saving. */
    public static final String WATCH_GC_OVERHEAD = PREFIX + "watchGcOverhead";

    /** Default share of a heap pool's maximum that, still used after a collection, counts as "near the limit". */
    public static final double DEFAULT_NEAR_LIMIT = 0.9;

    private final String journal;
    private final String plan;
    private final boolean surefireOrder;
    private final String delegate;
    private final double nearLimit;
    private final boolean exactRetained;
    private final Set<String> histogramClasses;
    private final int histogramTop;
    private final boolean continueAfterMemoryError;
    private final boolean watchGcOverhead;

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
        this(
                journal,
                plan,
                surefireOrder,
                delegate,
                nearLimit,
                exactRetained,
                histogramClasses,
                histogramTop,
                false,
                false);
    }

    private ForkOptions(
            String journal,
            String plan,
            boolean surefireOrder,
            String delegate,
            double nearLimit,
            boolean exactRetained,
            Set<String> histogramClasses,
            int histogramTop,
            boolean continueAfterMemoryError,
            boolean watchGcOverhead) {
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
        this.plan = plan == null || plan.isEmpty() ? null : plan;
        // without a plan there is no order to choose, and none is written: keep the two sides equal
        this.surefireOrder = this.plan != null && surefireOrder;
        this.delegate = delegate == null || delegate.isEmpty() ? null : delegate;
        this.nearLimit = nearLimit;
        this.exactRetained = exactRetained;
        this.histogramClasses = Collections.unmodifiableSet(new LinkedHashSet<>(histogramClasses));
        this.histogramTop = histogramTop;
        this.continueAfterMemoryError = continueAfterMemoryError;
        this.watchGcOverhead = watchGcOverhead;
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
        String histogram = properties.get(HISTOGRAM_CLASSES);
        String top = properties.get(HISTOGRAM_TOP);
        Set<String> classes = new LinkedHashSet<>();
        if (histogram != null) {
            for (String name : histogram.split(",")) {
                if (!name.trim().isEmpty()) {
                    classes.add(name.trim());
                }
            }
        }
        return new ForkOptions(
                properties.get(JOURNAL),
                properties.get(PLAN),
                "surefire".equals(properties.get(PLAN_ORDER)),
                properties.get(DELEGATE),
                nearLimit == null ? DEFAULT_NEAR_LIMIT : decimal(NEAR_LIMIT, nearLimit),
                Boolean.parseBoolean(properties.get(EXACT_RETAINED)),
                classes,
                top == null ? 10 : whole(HISTOGRAM_TOP, top),
                Boolean.parseBoolean(properties.get(CONTINUE_AFTER_MEMORY_ERROR)),
                Boolean.parseBoolean(properties.get(WATCH_GC_OVERHEAD)));
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
            StringBuilder joined = new StringBuilder();
            for (String name : histogramClasses) {
                if (joined.length() > 0) {
                    joined.append(',');
                }
                joined.append(name);
            }
            properties.put(HISTOGRAM_CLASSES, joined.toString());
        }
        properties.put(HISTOGRAM_TOP, Integer.toString(histogramTop));
        properties.put(CONTINUE_AFTER_MEMORY_ERROR, Boolean.toString(continueAfterMemoryError));
        properties.put(WATCH_GC_OVERHEAD, Boolean.toString(watchGcOverhead));
        return properties;
    }

    public ForkOptions withPlan(String planFile, boolean inSurefireOrder) {
        return new ForkOptions(
                journal,
                planFile,
                inSurefireOrder,
                delegate,
                nearLimit,
                exactRetained,
                histogramClasses,
                histogramTop,
                continueAfterMemoryError,
                watchGcOverhead);
    }

    public ForkOptions withDelegate(String provider) {
        return new ForkOptions(
                journal,
                plan,
                surefireOrder,
                provider,
                nearLimit,
                exactRetained,
                histogramClasses,
                histogramTop,
                continueAfterMemoryError,
                watchGcOverhead);
    }

    public ForkOptions withExactRetained(boolean exact) {
        return new ForkOptions(
                journal,
                plan,
                surefireOrder,
                delegate,
                nearLimit,
                exact,
                histogramClasses,
                histogramTop,
                continueAfterMemoryError,
                watchGcOverhead);
    }

    public ForkOptions withHistogramClasses(Set<String> classes) {
        return new ForkOptions(
                journal,
                plan,
                surefireOrder,
                delegate,
                nearLimit,
                exactRetained,
                classes,
                histogramTop,
                continueAfterMemoryError,
                watchGcOverhead);
    }

    /**
     * Options with which the fork goes on with the classes not yet started when a heap {@code OutOfMemoryError}
     * escapes the test framework and a full collection gives the heap back (see {@code MemprobeProvider}).
     */
    public ForkOptions withContinueAfterMemoryError(boolean goOn) {
        return new ForkOptions(
                journal,
                plan,
                surefireOrder,
                delegate,
                nearLimit,
                exactRetained,
                histogramClasses,
                histogramTop,
                goOn,
                watchGcOverhead);
    }

    /**
     * Options with which the fork watches for GC overhead ({@code dev.memprobe.measure.GcOverhead}) and journals
     * {@code gc-overhead} once it is past saving; what becomes of the fork then is the plugin's decision.
     */
    public ForkOptions withWatchGcOverhead(boolean watch) {
        return new ForkOptions(
                journal,
                plan,
                surefireOrder,
                delegate,
                nearLimit,
                exactRetained,
                histogramClasses,
                histogramTop,
                continueAfterMemoryError,
                watch);
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

    public boolean watchGcOverhead() {
        return watchGcOverhead;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ForkOptions)) {
            return false;
        }
        ForkOptions other = (ForkOptions) o;
        return journal.equals(other.journal)
                && (plan == null ? other.plan == null : plan.equals(other.plan))
                && surefireOrder == other.surefireOrder
                && (delegate == null ? other.delegate == null : delegate.equals(other.delegate))
                && nearLimit == other.nearLimit
                && exactRetained == other.exactRetained
                && histogramClasses.equals(other.histogramClasses)
                && histogramTop == other.histogramTop
                && continueAfterMemoryError == other.continueAfterMemoryError
                && watchGcOverhead == other.watchGcOverhead;
    }

    @Override
    public int hashCode() {
        return journal.hashCode() * 31 + (plan == null ? 0 : plan.hashCode());
    }

    @Override
    public String toString() {
        return "ForkOptions" + toProperties();
    }
}
