package dev.memprobe.bisect;

import java.util.List;

/**
 * A conclusion that names no culprit: memory that adds up with no small set to blame, a fork that died outside any
 * test class, a search cut short by {@code maxProbes}. Reported beside the culprits, never as one.
 *
 * @param kind one of the constants of this record
 * @param classes the classes it concerns, most relevant first
 */
public record Finding(String kind, String message, List<String> classes) {

    /** Memory adds up across many classes; no set of at most {@code maxPolluters} reproduces the death. */
    public static final String NO_SMALL_SET = "cumulative-no-small-set";
    /** The fork died before or between test classes. */
    public static final String OUTSIDE_CLASS = "died-outside-class";
    /** The fork ran out of time but the class in flight finishes on its own. */
    public static final String SLOW_SUITE = "suite-exceeds-timeout";
    /** A SIGTERM from outside stopped the fork; memprobe cannot reproduce it. */
    public static final String EXTERNAL_SIGNAL = "external-signal";
    /** {@code maxProbes} ran out before the search ended. */
    public static final String BUDGET = "probe-budget-exhausted";

    public Finding {
        classes = List.copyOf(classes);
    }
}
