package dev.memprobe.bisect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the engine searches: each strategy is a {@link Search} of its own, over the same {@link Investigation}. */
public enum Strategy {
    /** Whole suite first, then narrow down from the class in flight, guided by measurements. The default. */
    BISECT(BisectSearch::new),
    /** Fixed-size batches in run order, then each class of a failing batch alone (the seed toolkit's runner). */
    BATCHES(BatchesSearch::new),
    /** One fork per class (the seed toolkit's isolated runner; Surefire's reuseForks=false). */
    ISOLATED(IsolatedSearch::new);

    private final Function<Investigation, Search> search;

    Strategy(Function<Investigation, Search> search) {
        this.search = search;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Strategy> fromId(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equalsIgnoreCase(id.trim()))
                .findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Strategy::id).collect(Collectors.joining(", "));
    }

    /** Spends the investigation's probes this strategy's way. */
    void search(Investigation investigation) {
        search.apply(investigation).run();
    }
}
