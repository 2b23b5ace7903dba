package dev.memprobe.bisect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the engine searches. */
public enum Strategy {
    /** Whole suite first, then narrow down from the class in flight, guided by measurements. The default. */
    BISECT,
    /** Fixed-size batches in run order, then each class of a failing batch alone (the seed toolkit's runner). */
    BATCHES,
    /** One fork per class (the seed toolkit's isolated runner; Surefire's reuseForks=false). */
    ISOLATED;

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
}
