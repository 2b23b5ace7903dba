package dev.memprobe.bisect;

import java.util.Set;

/**
 * The heap dumps a probe asks its fork for, so that the report can say what holds a culprit's memory: after each
 * class of {@code atEnd} (polluters; with one baseline before the first of them), and at the memory error of each
 * class of {@code onError} (a class that may die alone). The fork lists the threads each such class left running too
 * (with where each was started when {@code threadStarts}).
 * Expensive (a dump stops the fork for about a second per 256 MiB): only the probes that confirm a verdict ask.
 */
public record DumpRequest(Set<String> atEnd, Set<String> onError, boolean threadStarts) {

    public static final DumpRequest NONE = new DumpRequest(Set.of(), Set.of(), false);

    public DumpRequest {
        atEnd = Set.copyOf(atEnd);
        onError = Set.copyOf(onError);
    }

    /** A dump at {@code className}'s memory error. */
    static DumpRequest onErrorOf(String className) {
        return new DumpRequest(Set.of(), Set.of(className), false);
    }

    /** A dump after each polluter (and one before the first). */
    static DumpRequest atEndOf(Iterable<String> polluters) {
        java.util.Set<String> classes = new java.util.LinkedHashSet<>();
        polluters.forEach(classes::add);
        return new DumpRequest(classes, Set.of(), false);
    }

    /**
     * The same dumps, the fork also recording where each thread is started (Flight Recorder: about 30 MiB of the
     * fork's RSS and half a second), to say where a thread a class left running was started.
     */
    DumpRequest withThreadStarts(boolean record) {
        return new DumpRequest(atEnd, onError, record);
    }

    public boolean isEmpty() {
        return atEnd.isEmpty() && onError.isEmpty();
    }
}
