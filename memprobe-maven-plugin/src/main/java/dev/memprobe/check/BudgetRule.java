package dev.memprobe.check;

import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code <budget>} of the POM: the classes it is for (one or more {@link ClassPattern}s) and a limit for some of
 * the {@link Metric}s.
 *
 * @param number the budget's position in the POM, from 1, for messages
 */
public record BudgetRule(int number, List<ClassPattern> classes, Map<Metric, Long> limits) {

    public BudgetRule {
        classes = List.copyOf(classes);
        limits = Collections.unmodifiableMap(new EnumMap<>(limits));
    }

    /**
     * Builds a budget from the POM's text.
     *
     * @param classes comma-separated class patterns
     * @param limits the sizes given, by metric ({@code 1g}, {@code 512m})
     * @throws IllegalArgumentException naming the budget, the element and the fix
     */
    public static BudgetRule parse(int number, String classes, Map<Metric, String> limits) {
        String where = "<budget> number " + number;
        if (classes == null || classes.isBlank()) {
            throw new IllegalArgumentException(where + " has no <classes>: say which classes it is for, e.g."
                    + " <classes>com.acme.*ImportTest</classes>");
        }
        List<ClassPattern> patterns = new ArrayList<>();
        for (String text : classes.split(",")) {
            if (!text.isBlank()) {
                try {
                    patterns.add(ClassPattern.of(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
            }
        }
        Map<Metric, Long> sizes = new EnumMap<>(Metric.class);
        limits.forEach((metric, value) -> {
            if (value != null && !value.isBlank()) {
                sizes.put(metric, Size.parse(where + " <" + metric.id() + ">", value));
            }
        });
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException(where + " (" + classes.trim() + ") sets no limit: give at least one of"
                    + " <liveHeap>, <kept>, <allocated>, <direct>, <metaspace> (the class's own), <forkLiveHeap>,"
                    + " <rss>, <forkDirect> or <forkMetaspace> (the fork's), e.g. <liveHeap>1g</liveHeap>");
        }
        return new BudgetRule(number, patterns, sizes);
    }

    public boolean appliesTo(String className) {
        return classes.stream().anyMatch(p -> p.matches(className));
    }

    /** "&lt;budget&gt; com.acme.*ImportTest". */
    public String label() {
        return "<budget> " + classes.stream().map(ClassPattern::toString).collect(Collectors.joining(","));
    }
}
