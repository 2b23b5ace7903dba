package dev.memprobe.report;

import static dev.memprobe.names.ClassNames.simple;

import dev.memprobe.bisect.Evidence;
import dev.memprobe.bisect.Failure;
import dev.memprobe.bisect.Resource;
import dev.memprobe.units.Size;
import java.util.Locale;

/** The words the sentences of verdicts, findings and probes share: a failure, a peak, an amount, a count. */
final class Phrases {

    private Phrases() {}

    /** "heap OutOfMemoryError in ImportTest#loads (java.lang.OutOfMemoryError: Java heap space)". */
    static String failure(Failure failure) {
        StringBuilder text = new StringBuilder(failure.cause().description());
        if (failure.method() != null) {
            text.append(" in ").append(simple(failure.victim())).append('#').append(failure.method());
        }
        String evidence = failure.evidence();
        if (evidence != null && !evidence.isBlank()) {
            // "heap OutOfMemoryError" already says which error: of "java.lang.OutOfMemoryError: Java heap space" the
            // message is what is new
            String error = "java.lang.OutOfMemoryError: ";
            text.append(
                    evidence.startsWith(error)
                            ? " (\"" + evidence.substring(error.length()) + "\")"
                            : " (" + evidence + ")");
        }
        return text.toString();
    }

    /** {@link #peak} as a clause after a sentence that has its own brackets: "; the heap was full: ...", or "". */
    static String peakClause(Evidence.Peak peak) {
        String inBrackets = peak(peak);
        return inBrackets.isEmpty()
                ? ""
                : "; " + inBrackets.substring(2, inBrackets.length() - 1).replace("; ", ", ");
    }

    /** " (heap peak 250 MiB of 256 MiB max)" and the like for the resource, or "" when not measured. */
    static String peak(Evidence.Peak peak) {
        long value = peak.value();
        if (value < 0) {
            return "";
        }
        return switch (peak.resource()) {
            case HEAP -> heap(peak);
            case RSS -> " (RSS peak " + Size.format(value) + ")";
            case DIRECT_BUFFERS -> " (direct buffers peak " + Size.format(value) + ")";
            case THREADS -> " (" + value + " live threads at peak)";
            case METASPACE -> " (metaspace peak " + Size.format(value) + ")";
        };
    }

    /**
     * The heap peak is a sum of the pools' peaks, an upper bound that may pass the max: near or past the max it reads
     * "the heap was full", with the live heap after collections, which is exact.
     */
    private static String heap(Evidence.Peak peak) {
        String live = peak.liveMax() >= 0 ? "; live heap after GC reached " + Size.format(peak.liveMax()) : "";
        if (peak.heapMax() > 0 && peak.value() >= peak.heapMax() * 95 / 100) {
            return " (the heap was full: " + Size.format(peak.heapMax()) + " max" + live + ")";
        }
        return " (heap peak " + Size.format(peak.value())
                + (peak.heapMax() > 0 ? " of " + Size.format(peak.heapMax()) + " max" : "") + live + ")";
    }

    /** An amount of the resource: "12 threads", or a size. */
    static String amount(long value, Resource resource) {
        return switch (resource) {
            case THREADS -> value + " threads";
            case HEAP, METASPACE, DIRECT_BUFFERS, RSS -> Size.format(value);
        };
    }

    /** "1 class", "3 classes". */
    static String classes(int count) {
        return count == 1 ? "1 class" : count + " classes";
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
