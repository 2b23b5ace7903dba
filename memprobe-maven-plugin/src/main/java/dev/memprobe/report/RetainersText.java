package dev.memprobe.report;

import dev.memprobe.retain.Retainers;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The words for what holds a culprit's memory, the same in every format: a path with its size and share
 * ("static a.B.F → java.util.HashMap → 40 × byte[]: 160 MiB (98% of what the class kept)"), the threads, class loaders
 * and direct buffers, and what the dump cost.
 */
public final class RetainersText {

    private RetainersText() {}

    /** A path with what it holds and its share of what the class kept (a polluter) or of the heap (a hog). */
    public static String path(Retainers r, Retainers.Path p) {
        String whole = Retainers.HOG.equals(r.role())
                ? "of the heap at the OutOfMemoryError"
                : "of what " + ReportText.simple(r.className()) + " kept";
        long bytes = Retainers.HOG.equals(r.role()) ? p.retainedBytes() : p.grownBytes();
        return p.text() + ": " + Size.format(bytes) + " (" + Math.round(p.share() * 100) + "% " + whole + ")";
    }

    /** The one line the console gives a culprit: the path that holds most, or why there is none. */
    public static Optional<String> headline(List<Retainers> all) {
        Optional<String> top = all.stream()
                .flatMap(r -> r.paths().stream().limit(1).map(p -> new Object[] {r, p}))
                .max(Comparator.comparingLong(rp -> ((Retainers.Path) rp[1]).grownBytes()))
                .map(rp -> path((Retainers) rp[0], (Retainers.Path) rp[1]));
        if (top.isPresent()) {
            return top.map(line -> "holds: " + line);
        }
        for (Retainers r : all) {
            Optional<String> other = details(r).stream().findFirst();
            if (other.isPresent()) {
                return Optional.of("holds: " + other.get());
            }
        }
        return all.stream()
                .filter(r -> r.skipped() != null)
                .findFirst()
                .map(r -> "holds: not known (" + r.skipped() + ")");
    }

    /** What a class's threads, class loaders and direct buffers hold, a line each. */
    public static List<String> details(Retainers r) {
        List<String> lines = new ArrayList<>();
        for (Retainers.Threads t : r.threads()) {
            StringBuilder line = new StringBuilder("threads left running: ");
            line.append(t.count()).append(" × ").append(t.pattern());
            if (t.count() > 1 && !t.names().isEmpty()) {
                line.append(" (").append(String.join(", ", t.names()));
                line.append(t.count() > t.names().size() ? ", …)" : ")");
            }
            if (t.daemon()) {
                line.append(", daemon");
            }
            if (t.runs() != null) {
                line.append(", running ").append(t.runs());
            }
            if (t.startedBy() != null) {
                line.append(", started by ").append(t.startedBy());
            }
            if (t.retainedBytes() > 0) {
                line.append(", holding ").append(Size.format(t.retainedBytes()));
            }
            lines.add(line.toString());
        }
        for (Retainers.Loaders l : r.classLoaders()) {
            StringBuilder line = new StringBuilder("class loaders kept alive: ");
            line.append(String.format("%,d", l.count())).append(" × ").append(l.type());
            if (l.name() != null) {
                line.append(" \"").append(l.name()).append('"');
            }
            line.append(" (")
                    .append(String.format("%,d", l.classes()))
                    .append(l.classes() == 1 ? " class" : " classes");
            line.append(", ").append(Size.format(l.retainedBytes())).append(" of heap)");
            if (!l.pinnedBy().isEmpty()) {
                line.append(", pinned by ").append(String.join("; and by ", l.pinnedBy()));
            }
            lines.add(line.toString());
        }
        for (Retainers.Buffers b : r.directBuffers()) {
            lines.add("direct buffers: " + b.count() + " × DirectByteBuffer, " + Size.format(b.capacityBytes())
                    + " of native memory, held by " + b.text());
        }
        return lines;
    }

    /** What the dump was and cost: "heap dump after the class (169 MiB, 0.8 s to write, 1.2 s to read; deleted)". */
    public static String dump(Retainers r) {
        Retainers.Dump d = r.dump();
        if (d == null) {
            return "no heap dump";
        }
        String when = switch (d.phase() == null ? "" : d.phase()) {
            case "end" -> "heap dump after the class" + (d.baseline() == null ? "" : ", compared with the one before");
            case "error" -> "heap dump at the OutOfMemoryError";
            default -> "heap dump";
        };
        List<String> cost = new ArrayList<>();
        if (d.bytes() >= 0) {
            cost.add(Size.format(d.bytes()));
        }
        if (d.dumpMillis() >= 0) {
            cost.add(Durations.format(d.dumpMillis()) + " to write");
        }
        if (d.analysisMillis() >= 0) {
            cost.add(Durations.format(d.analysisMillis()) + " to read");
        }
        String kept = d.deleted() ? "deleted" : "kept in " + d.file();
        return when + " (" + String.join(", ", cost) + "; " + kept + ")";
    }
}
