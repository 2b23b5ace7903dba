package dev.memprobe.check;

import dev.memprobe.report.Report;
import dev.memprobe.units.Size;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What a budget limits, one field of {@code classes[]} in {@code report.json}. Each is measured for the whole fork
 * while the class ran, so it includes what earlier classes of the same fork left behind.
 */
public enum Metric {
    /**
     * {@code liveHeapPeakBytes}: heap used right after garbage collections while the class ran, the live set. The
     * default metric: it is what must fit under {@code -Xmx}, and unlike the pools' peak it does not grow with a
     * larger heap or a lazier collector.
     */
    LIVE_HEAP("liveHeap", "held %s after GC", Report.ClassEntry::liveHeapPeakBytes),
    /** {@code rssPeakBytes}: the fork's resident memory high-water, the JVM's own footprint included. */
    RSS("rss", "reached %s of resident memory", Report.ClassEntry::rssPeakBytes),
    /** {@code directPeakBytes}: direct buffers (NIO, Netty) in use. */
    DIRECT("direct", "used %s of direct buffers", Report.ClassEntry::directPeakBytes),
    /** {@code metaspacePeakBytes}: class metadata, grows with class loaders that are never released. */
    METASPACE("metaspace", "used %s of metaspace", Report.ClassEntry::metaspacePeakBytes);

    private final String id;
    private final String phrase;
    private final ToLongFunction<Report.ClassEntry> field;

    Metric(String id, String phrase, ToLongFunction<Report.ClassEntry> field) {
        this.id = id;
        this.phrase = phrase;
        this.field = field;
    }

    /** The name in the POM ({@code <liveHeap>}) and in messages. */
    public String id() {
        return id;
    }

    /** The measured value, or {@code -1} when the class was not measured for it. */
    public long of(Report.ClassEntry entry) {
        return field.applyAsLong(entry);
    }

    /** "held 612 MiB after GC". */
    public String describe(long bytes) {
        return String.format(phrase, Size.format(bytes));
    }

    public static Optional<Metric> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
