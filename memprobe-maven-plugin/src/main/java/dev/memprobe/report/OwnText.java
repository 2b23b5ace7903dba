package dev.memprobe.report;

import dev.memprobe.units.Size;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The words for a class's own figures, the same in every writer: "920 MiB (est.)", "at most 1.2 MiB", and its top
 * methods ("{@code #importsTheWholeSupplierCatalog} allocated 1.1 GiB, kept 254 MiB").
 */
public final class OwnText {

    /** How many methods a class's line names. */
    static final int TOP_METHODS = 3;

    private OwnText() {}

    /** The classes, the heaviest by their own figures first (the fork's heap peak for reports without them). */
    public static List<Report.ClassEntry> heaviestFirst(List<Report.ClassEntry> classes) {
        return classes.stream()
                .sorted(Comparator.comparingLong(Report.ClassEntry::ownHeapBytes)
                        .thenComparingLong(c -> c.own() == null ? -1 : c.own().allocatedBytes())
                        .thenComparingLong(Report.ClassEntry::heapPeakBytes)
                        .reversed())
                .toList();
    }

    /** What the class kept, with how it was had: "254 MiB", "254 MiB (est.)", "at most 1.2 MiB", "n/a". */
    public static String kept(Report.Own own) {
        return own == null ? "n/a" : sized(own.keptBytes(), own.keptBasis());
    }

    /** What the class needed on top of what it found: "300 MiB", "at most 2 MiB", "n/a". */
    public static String needed(Report.Own own) {
        return own == null ? "n/a" : sized(own.neededBytes(), own.neededBasis());
    }

    private static String sized(long bytes, String basis) {
        if (bytes < 0) {
            return "n/a";
        }
        if (Report.Own.ESTIMATED.equals(basis)) {
            return Size.format(bytes) + " (est.)";
        }
        if (Report.Own.AT_MOST.equals(basis)) {
            return "at most " + Size.format(bytes);
        }
        return Size.format(bytes);
    }

    /** The methods that allocated or kept the most, heaviest first. */
    public static List<Report.MethodEntry> topMethods(Report.ClassEntry c) {
        return c.methods().stream()
                .sorted(Comparator.comparingLong((Report.MethodEntry m) -> Math.max(m.keptBytes(), 0))
                        .thenComparingLong(Report.MethodEntry::allocatedBytes)
                        .reversed())
                .limit(TOP_METHODS)
                .toList();
    }

    /** "#importsTheWholeSupplierCatalog allocated 1.1 GiB, kept 254 MiB". */
    public static String method(Report.MethodEntry m) {
        return method(m, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * A method's line in a writer's own forms.
     *
     * @param name renders the name with its {@code #} ({@code `#importsAll`} in Markdown)
     * @param words escapes the rest
     */
    public static String method(Report.MethodEntry m, UnaryOperator<String> name, UnaryOperator<String> words) {
        return name.apply("#" + m.name()) + words.apply(figures(m));
    }

    /** " allocated 1.1 GiB, kept 254 MiB". */
    private static String figures(Report.MethodEntry m) {
        StringBuilder text = new StringBuilder();
        if (m.allocatedBytes() >= 0) {
            text.append(" allocated ").append(Size.format(m.allocatedBytes()));
        }
        if (m.keptBytes() >= 0) {
            text.append(m.allocatedBytes() >= 0 ? ", kept " : " kept ").append(Size.format(m.keptBytes()));
        }
        return text.toString();
    }

    /** The top methods of a class in one line, or null when none was measured. */
    public static String methods(Report.ClassEntry c) {
        return methods(c, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * The top methods of each of a culprit's classes that has them, in a writer's own forms: class name to its line,
     * in the culprit's order.
     */
    public static Map<String, String> culpritMethods(
            Report report, Report.CulpritEntry culprit, UnaryOperator<String> name, UnaryOperator<String> words) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String className : culprit.classes()) {
            report.classes().stream()
                    .filter(e -> e.name().equals(className))
                    .findFirst()
                    .map(e -> methods(e, name, words))
                    .ifPresent(line -> lines.put(className, line));
        }
        return lines;
    }

    /** The top methods of a class in one line, in a writer's own forms, or null when none was measured. */
    public static String methods(Report.ClassEntry c, UnaryOperator<String> name, UnaryOperator<String> words) {
        List<Report.MethodEntry> top = topMethods(c);
        return top.isEmpty()
                ? null
                : top.stream().map(m -> method(m, name, words)).collect(Collectors.joining(words.apply("; ")));
    }
}
