package dev.memprobe.retain;

import java.util.List;

/**
 * What holds the memory of one class of a culprit, read from a heap dump of live objects: the few GC-root paths that
 * retain most of what it kept (a polluter: its growth since the dump before it) or needed (a hog: the heap at its
 * {@code OutOfMemoryError}), the threads it left running, the class loaders kept alive and what pins them, and the
 * owners of direct buffers. Or, when no dump could be had or read, why not ({@link #skipped}): the report then falls
 * back to the class histogram.
 *
 * @param role {@code hog} or {@code polluter}
 * @param dump the dump read, or null when there was none
 * @param skipped why there is no analysis (no dump, no room, not enough memory to read it); null when there is one
 */
public record Retainers(
        String className,
        String role,
        Dump dump,
        List<Path> paths,
        List<Threads> threads,
        List<Loaders> classLoaders,
        List<Buffers> directBuffers,
        String skipped) {

    public static final String HOG = "hog";
    public static final String POLLUTER = "polluter";

    public Retainers {
        paths = List.copyOf(paths);
        threads = List.copyOf(threads);
        classLoaders = List.copyOf(classLoaders);
        directBuffers = List.copyOf(directBuffers);
    }

    /** No analysis, and why; with the threads the fork listed when it could not dump. */
    public static Retainers skipped(String className, String role, Dump dump, List<Threads> threads, String reason) {
        return new Retainers(className, role, dump, List.of(), threads, List.of(), List.of(), reason);
    }

    /**
     * The dump read.
     *
     * @param phase {@code end} (after a polluter) or {@code error} (at a hog's memory error)
     * @param baseline the phase of the dump it was compared with ({@code start}, {@code end} of the polluter before),
     *     or null
     * @param file where it was written, as the report names it (relative to the output folder)
     * @param dumpMillis how long writing it stopped the fork, -1 when the JVM wrote it on its error
     * @param analysisMillis how long reading and analysing it took, the baseline's included
     * @param objects objects in it
     * @param liveBytes the live heap it holds (estimated from HotSpot's layout)
     * @param keptBytes what the class kept: for a polluter, the live heap's growth since the baseline; for a hog, the
     *     live heap
     * @param deleted whether the file was deleted after analysis ({@code memprobe.keepHeapDumps} keeps it)
     */
    public record Dump(
            String phase,
            String baseline,
            String file,
            long bytes,
            long dumpMillis,
            long analysisMillis,
            long objects,
            long liveBytes,
            long keptBytes,
            boolean deleted) {}

    /**
     * A GC-root path and what it retains.
     *
     * @param key the root's stable key ({@code static a.B.F}, {@code frame main a.B.m}, {@code thread worker-N});
     *     digits in a thread's name are N when several alike threads are grouped
     * @param kind {@code static}, {@code frame}, {@code thread}, {@code jni-global}, {@code shared} (an object several
     *     roots hold) or {@code other}
     * @param roots how many roots of this key were grouped (alike threads)
     * @param hops the objects on the way, collection internals left out
     * @param holds what the path ends in: how many objects of which type, and their bytes
     * @param retainedBytes what the root retains in this dump
     * @param grownBytes for a polluter, how much that grew since the baseline; for a hog, the same as retained
     * @param share {@code grownBytes} as a share of what the class kept (0 to 1)
     * @param text the path as the reports print it
     */
    public record Path(
            String key,
            String kind,
            int roots,
            List<Hop> hops,
            Holds holds,
            long retainedBytes,
            long grownBytes,
            double share,
            String text) {

        public Path {
            hops = List.copyOf(hops);
        }
    }

    /**
     * An object on a path.
     *
     * @param field the field of the object before that refers to it, when it does so directly; or null
     * @param entries a collection's size, -1 for none
     */
    public record Hop(String type, String field, long entries) {}

    /** The end of a path: {@code count} objects of {@code type} (the largest part of what it holds). */
    public record Holds(long count, String type, long bytes) {}

    /**
     * Alike threads the class left running (their names with digits as N).
     *
     * @param runs the code they run (the first frame from the bottom that is not the JDK's), or null
     * @param startedBy where the first of them was started (the first frame that is not the JDK's on the stack that
     *     called {@code Thread.start()}, from Flight Recorder), or null
     * @param retainedBytes what the threads and their frames retain in the dump, -1 without one
     */
    public record Threads(
            String pattern,
            List<String> names,
            int count,
            boolean daemon,
            String runs,
            String startedBy,
            long retainedBytes) {

        public Threads {
            names = List.copyOf(names);
        }
    }

    /**
     * Alike class loaders kept alive, and what pins them.
     *
     * @param name the loader's name (JDK 9+), or null
     * @param count how many (for a polluter: how many more than before it)
     * @param classes the classes they defined
     * @param pinnedBy reference paths from a root to one of them
     */
    public record Loaders(String type, String name, int count, int classes, long retainedBytes, List<String> pinnedBy) {

        public Loaders {
            pinnedBy = List.copyOf(pinnedBy);
        }
    }

    /** Direct buffers that own native memory, by the root that holds them; {@code text}: a path to one of them. */
    public record Buffers(String owner, int count, long capacityBytes, String text) {}
}
