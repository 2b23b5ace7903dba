package dev.memprobe.check;

import dev.memprobe.report.Report;
import dev.memprobe.units.Size;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What a budget limits, one field of {@code classes[]} in {@code report.json}. The class's own figures
 * ({@code classes[].own}: apart from what earlier classes of the same fork left behind) are the default; the fork's
 * levels while the class ran are there by name ({@code fork...}), and RSS is only the fork's.
 *
 * <p>A report of an earlier version has no own figures: an own metric then reads the fork's level, and the check
 * says so.
 */
public enum Metric {
    /**
     * {@code own.neededBytes}: the class's own live heap, its peak demand above the live heap at its start. The
     * default metric ({@code memprobe.budget}): what the class adds to what must fit under {@code -Xmx}.
     */
    LIVE_HEAP("liveHeap", "needed %s of heap on top of what it found", o -> o.neededBytes(), "forkLiveHeap"),
    /** {@code own.keptBytes}: what the class left behind in the heap, the live heap after it less before it. */
    KEPT("kept", "left %s behind in the heap", o -> o.keptBytes(), null),
    /** {@code own.allocatedBytes}: bytes its test thread allocated. */
    ALLOCATED("allocated", "allocated %s", o -> o.allocatedBytes(), null),
    /** {@code own.directGrowthBytes}: direct buffers (NIO, Netty) the class added. */
    DIRECT("direct", "added %s of direct buffers", o -> o.directGrowthBytes(), "forkDirect"),
    /** {@code own.metaspaceGrowthBytes}: class metadata the class added (class loaders never released). */
    METASPACE("metaspace", "added %s of metaspace", o -> o.metaspaceGrowthBytes(), "forkMetaspace"),
    /** {@code liveHeapPeakBytes}: the fork's live heap while the class ran, what earlier classes kept included. */
    FORK_LIVE_HEAP("forkLiveHeap", "held %s after GC", Report.ClassEntry::liveHeapPeakBytes),
    /** {@code rssPeakBytes}: the fork's resident memory high-water, the JVM's own footprint included. */
    RSS("rss", "reached %s of resident memory", Report.ClassEntry::rssPeakBytes),
    /** {@code directPeakBytes}: the fork's direct buffers in use while the class ran. */
    FORK_DIRECT("forkDirect", "used %s of direct buffers", Report.ClassEntry::directPeakBytes),
    /** {@code metaspacePeakBytes}: the fork's metaspace while the class ran. */
    FORK_METASPACE("forkMetaspace", "used %s of metaspace", Report.ClassEntry::metaspacePeakBytes);

    private final String id;
    private final String phrase;
    /** The class's own figure; null for a level of the fork. */
    private final ToLongFunction<Report.Own> own;
    /** A level of the fork; null for an own figure. */
    private final ToLongFunction<Report.ClassEntry> fork;
    /** For an own figure: the fork's level read in a report without own figures, by id; null for none. */
    private final String fallback;

    Metric(String id, String phrase, ToLongFunction<Report.Own> own, String fallback) {
        this.id = id;
        this.phrase = phrase;
        this.own = own;
        this.fork = null;
        this.fallback = fallback;
    }

    Metric(String id, String phrase, ToLongFunction<Report.ClassEntry> fork) {
        this.id = id;
        this.phrase = phrase;
        this.own = null;
        this.fork = fork;
        this.fallback = null;
    }

    /** The name in the POM ({@code <liveHeap>}) and in messages. */
    public String id() {
        return id;
    }

    /** Whether this is one of the class's own figures (else a level of the fork while it ran). */
    public boolean isOwn() {
        return own != null;
    }

    /**
     * The measured value, or {@code -1} when the class was not measured for it. An own metric of a report without
     * own figures reads the fork's level.
     */
    public long of(Report.ClassEntry entry) {
        if (own == null) {
            return fork.applyAsLong(entry);
        }
        if (entry.own() != null) {
            return own.applyAsLong(entry.own());
        }
        if (this == ALLOCATED) {
            return entry.allocatedBytes(); // the same figure, in the flat fields
        }
        return fallback == null ? -1 : fromId(fallback).orElseThrow().of(entry);
    }

    /** Whether the value is only an upper bound: no collection ran while the class ran (own heap figures). */
    public boolean upperBound(Report.ClassEntry entry) {
        if (entry.own() == null) {
            return false;
        }
        return switch (this) {
            case LIVE_HEAP -> Report.Own.AT_MOST.equals(entry.own().neededBasis());
            case KEPT -> Report.Own.AT_MOST.equals(entry.own().keptBasis());
            default -> false;
        };
    }

    /**
     * The fork's level this own metric reads in a report without own figures (an earlier version), if it reads one.
     */
    public Optional<Metric> readsForkInstead(Report.ClassEntry entry) {
        return own != null && entry.own() == null && fallback != null ? fromId(fallback) : Optional.empty();
    }

    /** "needed 612 MiB of heap on top of what it found". */
    public String describe(long bytes) {
        return String.format(phrase, Size.format(bytes));
    }

    public static Optional<Metric> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
