package dev.memprobe.check;

import java.util.List;
import java.util.Optional;

/**
 * Every budget of a check: the POM's {@code <budgets>} in order, and the default live-heap budget
 * ({@code memprobe.budget}).
 *
 * <p>The rule, for each class and each metric: the <em>first</em> {@code <budget>} (in POM order) whose
 * {@code <classes>} match the class and that sets a limit for that metric; else, for live heap, the default. Put the
 * specific patterns first and the broad ones ({@code **}) last. A {@code <budget>} that sets only {@code <rss>} leaves
 * the class's live heap to the next rule that sets one, or to the default.
 *
 * @param defaultLiveHeap the default live-heap budget in bytes, or {@code -1} for none
 */
public record Budgets(List<BudgetRule> rules, long defaultLiveHeap) {

    public static final String DEFAULT_SOURCE = "memprobe.budget";

    public static final Budgets NONE = new Budgets(List.of(), -1);

    public Budgets {
        rules = List.copyOf(rules);
    }

    /** A limit and where it came from ("memprobe.budget", "&lt;budget&gt; com.acme.*ImportTest"). */
    public record Limit(long bytes, String source) {}

    /** The limit that applies to {@code className} for {@code metric}, if any. */
    public Optional<Limit> limitFor(String className, Metric metric) {
        for (BudgetRule rule : rules) {
            Long bytes = rule.limits().get(metric);
            if (bytes != null && rule.appliesTo(className)) {
                return Optional.of(new Limit(bytes, rule.label()));
            }
        }
        if (metric == Metric.LIVE_HEAP && defaultLiveHeap > 0) {
            return Optional.of(new Limit(defaultLiveHeap, DEFAULT_SOURCE));
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return rules.isEmpty() && defaultLiveHeap <= 0;
    }
}
