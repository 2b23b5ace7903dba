package dev.memprobe.bisect;

import java.util.List;
import java.util.Optional;

/**
 * What a probe's fork wrote about what holds memory, for the classes its {@link DumpRequest} named: the heap dumps
 * (or why one was not written) and the threads each class left running. The report side reads the dumps; the engine
 * only carries them from the confirming probe to the culprit.
 *
 * @param probe the probe whose fork wrote them; 0 for none
 */
public record Retention(int probe, List<HeapDump> dumps, List<LeftThreads> threads) {

    public static final Retention NONE = new Retention(0, List.of(), List.of());

    public Retention {
        dumps = List.copyOf(dumps);
        threads = List.copyOf(threads);
    }

    /**
     * A heap dump of live objects.
     *
     * @param phase {@code start} (the baseline before the first polluter), {@code end} or {@code error}
     * @param file its absolute path; null when none was written
     * @param millis how long it stopped the fork; -1 when the JVM wrote it on an error
     * @param skipped why none was written, or null
     */
    public record HeapDump(
            String className,
            String phase,
            String file,
            long bytes,
            long millis,
            boolean compressedOops,
            String skipped) {}

    /** The threads a class left running: all counted, the first ones listed. */
    public record LeftThreads(String className, int count, List<LeftThread> threads) {

        public LeftThreads {
            threads = List.copyOf(threads);
        }
    }

    /** @param runs the code the thread runs (its first frame from the bottom that is not the JDK's), or null */
    /** @param startedBy the frame that started it, or null when the fork did not record thread starts */
    public record LeftThread(String name, boolean daemon, String state, String runs, String startedBy) {}

    public boolean isEmpty() {
        return dumps.isEmpty() && threads.isEmpty();
    }

    /** The dump of {@code className} in {@code phase}, written or skipped. */
    public Optional<HeapDump> dump(String className, String phase) {
        return dumps.stream()
                .filter(d -> d.className().equals(className) && d.phase().equals(phase))
                .findFirst();
    }

    /** The baseline dump, written before the first polluter started. */
    public Optional<HeapDump> baseline() {
        return dumps.stream().filter(d -> d.phase().equals("start")).findFirst();
    }

    public Optional<LeftThreads> threadsOf(String className) {
        return threads.stream().filter(t -> t.className().equals(className)).findFirst();
    }

    /** Whether it holds anything about {@code className}. */
    public boolean covers(String className) {
        return dumps.stream().anyMatch(d -> d.className().equals(className))
                || threads.stream().anyMatch(t -> t.className().equals(className));
    }
}
