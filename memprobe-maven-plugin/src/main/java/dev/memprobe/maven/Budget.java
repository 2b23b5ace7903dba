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
 *   <liveHeap>1g</liveHeap>                   <!-- and/or <rss>, <direct>, <metaspace> -->
 * </budget>
 * }</pre>
 */
public class Budget {

    /** Class patterns: {@code *} within a name segment, {@code **} across them, a name without dots is simple. */
    private String classes;

    /** Most live heap (heap after GC) while one of the classes runs. */
    private String liveHeap;

    /** Most resident memory of the fork while one of the classes runs. */
    private String rss;

    /** Most direct-buffer memory while one of the classes runs. */
    private String direct;

    /** Most metaspace while one of the classes runs. */
    private String metaspace;

    /** The budget as the check applies it; {@code number} is its position in the POM, from 1. */
    BudgetRule toRule(int number) {
        Map<Metric, String> limits = new EnumMap<>(Metric.class);
        put(limits, Metric.LIVE_HEAP, liveHeap);
        put(limits, Metric.RSS, rss);
        put(limits, Metric.DIRECT, direct);
        put(limits, Metric.METASPACE, metaspace);
        return BudgetRule.parse(number, classes, limits);
    }

    private static void put(Map<Metric, String> limits, Metric metric, String value) {
        if (value != null) {
            limits.put(metric, value);
        }
    }
}
