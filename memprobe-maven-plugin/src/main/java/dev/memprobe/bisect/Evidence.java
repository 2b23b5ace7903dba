package dev.memprobe.bisect;

import static dev.memprobe.config.ClassNames.simple;

import dev.memprobe.config.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** The words and numbers of verdicts: how a failure, a peak or an amount of memory is written in evidence. */
final class Evidence {

    private Evidence() {}

    /** The measurement that shows how close a class came to the limit that killed the fork. */
    static ToLongFunction<Measure> peakMetric(Cause cause) {
        return switch (cause) {
            case DIRECT_OOM -> Measure::directPeak;
            case THREAD_OOM -> Measure::threadsPeak;
            case METASPACE_OOM -> Measure::metaspacePeak;
            case MEMORY_LIMIT, KILLED -> Measure::rssPeak;
            default -> Measure::heapPeak;
        };
    }

    /** Whether the cause's memory is the heap's: {@link #peakMetric} reads the heap's peak for it. */
    static boolean heapCause(Cause cause) {
        return switch (cause) {
            case DIRECT_OOM, THREAD_OOM, METASPACE_OOM, MEMORY_LIMIT, KILLED -> false;
            default -> true;
        };
    }

    /** " (heap peak 250 MiB of 256 MiB max)" and the like for the cause, or "" when not measured. */
    static String peakNote(ForkResult run, String className, Cause cause) {
        Optional<ClassRun> classRun = run.run(className);
        if (classRun.isEmpty()) {
            return "";
        }
        Measure m = classRun.get().measure();
        return switch (cause) {
            case MEMORY_LIMIT, KILLED -> m.rssPeak() >= 0 ? " (RSS peak " + Size.format(m.rssPeak()) + ")" : "";
            case DIRECT_OOM -> m.directPeak() >= 0 ? " (direct buffers peak " + Size.format(m.directPeak()) + ")" : "";
            case THREAD_OOM -> m.threadsPeak() >= 0 ? " (" + m.threadsPeak() + " live threads at peak)" : "";
            case METASPACE_OOM ->
                m.metaspacePeak() >= 0 ? " (metaspace peak " + Size.format(m.metaspacePeak()) + ")" : "";
            default -> heapNote(m);
        };
    }

    /**
     * The heap peak is a sum of the pools' peaks, an upper bound that may pass the max: near or past the max it reads
     * "the heap was full", with the live heap after collections, which is exact.
     */
    private static String heapNote(Measure m) {
        if (m.heapPeak() < 0) {
            return "";
        }
        String live = m.liveMax() >= 0 ? "; live heap after GC reached " + Size.format(m.liveMax()) : "";
        if (m.heapMax() > 0 && m.heapPeak() >= m.heapMax() * 95 / 100) {
            return " (the heap was full: " + Size.format(m.heapMax()) + " max" + live + ")";
        }
        return " (heap peak " + Size.format(m.heapPeak())
                + (m.heapMax() > 0 ? " of " + Size.format(m.heapMax()) + " max" : "") + live + ")";
    }

    /** What the class's confirmation run says it left behind, by object type (one line per class that has a diff). */
    static List<String> histograms(ForkResult run, List<String> classes) {
        List<String> lines = new ArrayList<>();
        for (String name : classes) {
            List<Measure.HistogramRow> rows =
                    run.run(name).map(r -> r.measure().histogram()).orElse(List.of());
            if (rows.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(simple(name)).append(" left behind: ");
            for (int i = 0; i < Math.min(3, rows.size()); i++) {
                if (i > 0) {
                    line.append(", ");
                }
                line.append(rows.get(i).type())
                        .append(" +")
                        .append(Size.format(rows.get(i).growth()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static String amount(long value, Cause cause) {
        return cause == Cause.THREAD_OOM ? value + " threads" : Size.format(value);
    }

    static String describe(Failure failure) {
        StringBuilder text = new StringBuilder(failure.cause().description());
        if (failure.method() != null) {
            text.append(" in ").append(simple(failure.victim())).append('#').append(failure.method());
        }
        if (failure.evidence() != null && !failure.evidence().isBlank()) {
            text.append(" (").append(failure.evidence()).append(')');
        }
        return text.toString();
    }

    static String count(List<String> classes) {
        return classes.size() == 1 ? "1 class" : classes.size() + " classes";
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
