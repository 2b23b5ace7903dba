package dev.memprobe.maven;

import dev.memprobe.check.BudgetRule;
import dev.memprobe.check.Metric;
import java.util.EnumMap;
import java.util.Map;

/**
 * One {@code <budget>} of {@code memprobe:check}'s {@code <budgets>}, as Maven reads it from the POM:
 *
 * <pre>{@code
 * <budget>
 *   <classes>com.acme.*ImportTest</classes>   <!-- one or more class patterns, comma-separated -->
 *   <liveHeap>1g</liveHeap>                   <!-- and/or <kept>, <allocated>, <direct>, <metaspace>,
 *                                                  <forkLiveHeap>, <rss>, <forkDirect>, <forkMetaspace> -->
 * </budget>
 * }</pre>
 *
 * <p>The plain names limit the class's own figures (apart from what earlier classes of its fork left behind); the
 * {@code fork...} names and {@code rss} the fork's levels while it ran.
 */
public class Budget {

    /** Class patterns: {@code *} within a name segment, {@code **} across them, a name without dots is simple. */
    private String classes;

    /** Most live heap a class may need on top of the live heap it found (its own peak demand). */
    private String liveHeap;

    /** Most heap a class may leave behind (the live heap after it less before it). */
    private String kept;

    /** Most bytes a class's test thread may allocate. */
    private String allocated;

    /** Most direct-buffer memory a class may add. */
    private String direct;

    /** Most metaspace a class may add. */
    private String metaspace;

    /** Most live heap (heap after GC) of the fork while one of the classes runs, earlier classes' included. */
    private String forkLiveHeap;

    /** Most resident memory of the fork while one of the classes runs. */
    private String rss;

    /** Most direct-buffer memory of the fork while one of the classes runs. */
    private String forkDirect;

    /** Most metaspace of the fork while one of the classes runs. */
    private String forkMetaspace;

    /** The budget as the check applies it; {@code number} is its position in the POM, from 1. */
    BudgetRule toRule(int number) {
        Map<Metric, String> limits = new EnumMap<>(Metric.class);
        put(limits, Metric.LIVE_HEAP, liveHeap);
        put(limits, Metric.KEPT, kept);
        put(limits, Metric.ALLOCATED, allocated);
        put(limits, Metric.DIRECT, direct);
        put(limits, Metric.METASPACE, metaspace);
        put(limits, Metric.FORK_LIVE_HEAP, forkLiveHeap);
        put(limits, Metric.RSS, rss);
        put(limits, Metric.FORK_DIRECT, forkDirect);
        put(limits, Metric.FORK_METASPACE, forkMetaspace);
        return BudgetRule.parse(number, classes, limits);
    }

    private static void put(Map<Metric, String> limits, Metric metric, String value) {
        if (value != null) {
            limits.put(metric, value);
        }
    }
}
