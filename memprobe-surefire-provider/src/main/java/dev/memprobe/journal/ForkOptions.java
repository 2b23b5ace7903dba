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
    /** Classes to dump the heap of after they end (with a baseline dump before the first of them starts). */
    public static final String DUMP_AT_END = PREFIX + "dumpAtEnd";
    /** Classes to dump the heap of at their memory error. */
    public static final String DUMP_ON_ERROR = PREFIX + "dumpOnError";

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
    private final Set<String> dumpAtEnd;
    private final Set<String> dumpOnError;

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
                Collections.<String>emptySet(),
                Collections.<String>emptySet());
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
            Set<String> dumpAtEnd,
            Set<String> dumpOnError) {
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
        this.dumpAtEnd = Collections.unmodifiableSet(new LinkedHashSet<>(dumpAtEnd));
        this.dumpOnError = Collections.unmodifiableSet(new LinkedHashSet<>(dumpOnError));
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
        Set<String> classes = names(histogram);
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
                names(properties.get(DUMP_AT_END)),
                names(properties.get(DUMP_ON_ERROR)));
    }

    /** The class names of a comma-separated list; empty for null. */
    private static Set<String> names(String list) {
        Set<String> classes = new LinkedHashSet<>();
        if (list != null) {
            for (String name : list.split(",")) {
                if (!name.trim().isEmpty()) {
                    classes.add(name.trim());
                }
            }
        }
        return classes;
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
                dumpAtEnd,
                dumpOnError);
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
                dumpAtEnd,
                dumpOnError);
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
                dumpAtEnd,
                dumpOnError);
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
                dumpAtEnd,
                dumpOnError);
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
                dumpAtEnd,
                dumpOnError);
    }

    /**
     * Options with which the fork writes heap dumps of live objects into the journal's folder: after each class of
     * {@code atEnd} (and once before the first of them starts, as their baseline), and at the memory error of each
     * class of {@code onError}; each with the threads the class left running.
     */
    public ForkOptions withHeapDumps(Set<String> atEnd, Set<String> onError) {
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
                atEnd,
                onError);
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
                && dumpAtEnd.equals(other.dumpAtEnd)
                && dumpOnError.equals(other.dumpOnError);
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
