package dev.memprobe.retain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Says what holds a culprit's memory from the dumps its probe's fork wrote: for a hog, its dump at the
 * {@code OutOfMemoryError}; for polluters, each one's dump after it compared with the dump before it (the baseline
 * before the first, then the previous polluter's), by stable root key. One dump is read at a time, and deleted once
 * read unless the dumps are kept; one Maven's heap cannot read is kept, and the report says why.
 */
public final class RetainerAnalysis {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int PATHS = 5;
    private static final int LISTED = 5;

    /** A dump a fork wrote: its file, phase ({@code start}, {@code end}, {@code error}), size and cost. */
    public record DumpFile(Path file, String phase, long bytes, long millis, boolean compressedOops) {}

    /** A thread a class left running, as the fork saw it. */
    public record LeftThread(String name, boolean daemon, String state, String runs, String startedBy) {}

    /** The threads a class left running: all of them counted, the first ones listed. */
    public record ThreadsLeft(int count, List<LeftThread> threads) {

        public ThreadsLeft {
            threads = List.copyOf(threads);
        }
    }

    /**
     * One class to say it of.
     *
     * @param dump its dump, or null
     * @param noDump why there is none (the fork's reason), or null
     * @param threads the threads it left running, or null when the fork did not look
     */
    public record Subject(String className, DumpFile dump, String noDump, ThreadsLeft threads) {}

    private final boolean keep;
    private final MemoryGuard guard;
    private final Function<Path, String> display;

    /**
     * @param keep keep the dumps after analysis ({@code memprobe.keepHeapDumps})
     * @param display a dump's path as the report names it
     */
    public RetainerAnalysis(boolean keep, MemoryGuard guard, Function<Path, String> display) {
        this.keep = keep;
        this.guard = guard;
        this.display = display;
    }

    /** What holds a hog's memory, from its dump at the memory error. */
    public Retainers hog(Subject hog, Set<String> testClasses) {
        List<Retainers.Threads> threads = threads(hog.threads(), null);
        if (hog.dump() == null) {
            return Retainers.skipped(hog.className(), Retainers.HOG, null, threads, noDump(hog));
        }
        String refused = guard.refuse(hog.dump().bytes());
        if (refused != null) {
            return Retainers.skipped(
                    hog.className(), Retainers.HOG, dump(hog.dump(), null, -1, -1, -1, false), threads, refused);
        }
        try (DumpAnalysis analysis = read(hog.dump(), testClasses)) {
            long started = System.nanoTime();
            long live = analysis.live();
            List<Retainers.Path> paths = new ArrayList<>();
            for (DumpAnalysis.Group group : analysis.byRetained()) {
                if (paths.size() >= PATHS || (!paths.isEmpty() && group.retained * 100 < live)) {
                    break;
                }
                paths.add(analysis.path(group, group.retained, live));
            }
            LoaderCensus loaders = new LoaderCensus(analysis);
            BufferCensus buffers = new BufferCensus(analysis);
            List<Retainers.Loaders> loaderEntries = loaders.entries(null, LISTED);
            List<Retainers.Buffers> bufferEntries = buffers.entries(null, LISTED);
            long millis = analysis.millis + (System.nanoTime() - started) / 1_000_000L;
            return new Retainers(
                    hog.className(),
                    Retainers.HOG,
                    dump(hog.dump(), null, millis, analysis.heap.objects, live, delete(hog.dump())),
                    paths,
                    threads(hog.threads(), analysis),
                    loaderEntries,
                    bufferEntries,
                    null);
        } catch (RuntimeException e) {
            return Retainers.skipped(
                    hog.className(),
                    Retainers.HOG,
                    dump(hog.dump(), null, -1, -1, -1, delete(hog.dump())),
                    threads,
                    unreadable(e));
        }
    }

    /**
     * What each polluter added, in run order: its dump after it compared with the one before it.
     *
     * @param baseline the dump before the first polluter, or null when the fork wrote none (then each polluter's
     *     paths are what they retain, not what they added)
     */
    public List<Retainers> polluters(DumpFile baseline, List<Subject> polluters, Set<String> testClasses) {
        List<Retainers> result = new ArrayList<>();
        DumpAnalysis.Summary before = null;
        String beforePhase = null;
        long baselineMillis = 0;
        if (baseline != null && guard.refuse(baseline.bytes()) == null) {
            try (DumpAnalysis analysis = read(baseline, testClasses)) {
                long started = System.nanoTime();
                before = analysis.summary(new LoaderCensus(analysis), new BufferCensus(analysis));
                beforePhase = "start";
                baselineMillis = analysis.millis + (System.nanoTime() - started) / 1_000_000L;
            } catch (RuntimeException e) {
                before = null;
            }
            delete(baseline);
        }
        for (Subject polluter : polluters) {
            List<Retainers.Threads> threads = threads(polluter.threads(), null);
            if (polluter.dump() == null) {
                result.add(
                        Retainers.skipped(polluter.className(), Retainers.POLLUTER, null, threads, noDump(polluter)));
                continue;
            }
            String refused = guard.refuse(polluter.dump().bytes());
            if (refused != null) {
                result.add(Retainers.skipped(
                        polluter.className(),
                        Retainers.POLLUTER,
                        dump(polluter.dump(), beforePhase, -1, -1, -1, false),
                        threads,
                        refused));
                continue;
            }
            try (DumpAnalysis analysis = read(polluter.dump(), testClasses)) {
                long started = System.nanoTime();
                LoaderCensus loaders = new LoaderCensus(analysis);
                BufferCensus buffers = new BufferCensus(analysis);
                result.add(
                        polluter(polluter, analysis, before, beforePhase, loaders, buffers, started, baselineMillis));
                before = analysis.summary(loaders, buffers);
                beforePhase = "end of " + polluter.className();
                baselineMillis = 0;
            } catch (RuntimeException e) {
                result.add(Retainers.skipped(
                        polluter.className(),
                        Retainers.POLLUTER,
                        dump(polluter.dump(), beforePhase, -1, -1, -1, delete(polluter.dump())),
                        threads,
                        unreadable(e)));
            }
        }
        return result;
    }

    private Retainers polluter(
            Subject polluter,
            DumpAnalysis analysis,
            DumpAnalysis.Summary before,
            String beforePhase,
            LoaderCensus loaders,
            BufferCensus buffers,
            long started,
            long baselineMillis) {
        long live = analysis.live();
        long kept = before == null ? live : Math.max(0, live - before.live());
        List<DumpAnalysis.Group> groups = analysis.byRetained();
        Map<DumpAnalysis.Group, Long> grown = new LinkedHashMap<>();
        for (DumpAnalysis.Group group : groups) {
            long was = before == null ? 0 : before.retainedByKey().getOrDefault(group.key, 0L);
            grown.put(group, group.retained - was);
        }
        groups.sort((a, b) -> Long.compare(grown.get(b), grown.get(a)));
        List<Retainers.Path> paths = new ArrayList<>();
        for (DumpAnalysis.Group group : groups) {
            long growth = grown.get(group);
            if (paths.size() >= PATHS || growth <= 0 || (!paths.isEmpty() && growth * 100 < kept)) {
                break;
            }
            paths.add(analysis.path(group, growth, kept));
        }
        List<Retainers.Loaders> loaderEntries =
                loaders.entries(before == null ? null : before.loadersByGroup(), LISTED);
        List<Retainers.Buffers> bufferEntries =
                buffers.entries(before == null ? null : before.buffersByOwner(), LISTED);
        long millis = baselineMillis + analysis.millis + (System.nanoTime() - started) / 1_000_000L;
        return new Retainers(
                polluter.className(),
                Retainers.POLLUTER,
                dump(polluter.dump(), beforePhase, millis, analysis.heap.objects, live, kept, delete(polluter.dump())),
                paths,
                threads(polluter.threads(), analysis),
                loaderEntries,
                bufferEntries,
                null);
    }

    private static DumpAnalysis read(DumpFile dump, Set<String> testClasses) {
        return new DumpAnalysis(dump.file().toFile(), dump.compressedOops(), testClasses);
    }

    private Retainers.Dump dump(DumpFile dump, String baseline, long millis, long objects, long live, boolean deleted) {
        return dump(dump, baseline, millis, objects, live, live, deleted);
    }

    private Retainers.Dump dump(
            DumpFile dump, String baseline, long millis, long objects, long live, long kept, boolean deleted) {
        return new Retainers.Dump(
                dump.phase(),
                baseline,
                display.apply(dump.file()),
                dump.bytes(),
                dump.millis(),
                millis,
                objects,
                live,
                kept,
                deleted);
    }

    /** Deletes a dump once read, unless dumps are kept; whether it is gone. */
    private boolean delete(DumpFile dump) {
        if (keep) {
            return false;
        }
        try {
            Files.deleteIfExists(dump.file());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String noDump(Subject subject) {
        return subject.noDump() != null ? "no heap dump: " + subject.noDump() : "no heap dump was written";
    }

    private static String unreadable(RuntimeException e) {
        return "the heap dump could not be read: " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** The threads a class left, alike ones together, with what they and their frames retain in the dump. */
    private static List<Retainers.Threads> threads(ThreadsLeft left, DumpAnalysis analysis) {
        if (left == null || left.threads().isEmpty()) {
            return List.of();
        }
        Map<String, List<LeftThread>> byPattern = new LinkedHashMap<>();
        for (LeftThread thread : left.threads()) {
            byPattern
                    .computeIfAbsent(DIGITS.matcher(thread.name()).replaceAll("N"), k -> new ArrayList<>())
                    .add(thread);
        }
        List<Retainers.Threads> groups = new ArrayList<>();
        for (Map.Entry<String, List<LeftThread>> entry : byPattern.entrySet()) {
            List<LeftThread> threads = entry.getValue();
            List<String> names =
                    threads.stream().map(LeftThread::name).limit(10).toList();
            // the fork lists the first threads only: one kind of thread counts them all
            int count = byPattern.size() == 1 ? Math.max(left.count(), threads.size()) : threads.size();
            groups.add(new Retainers.Threads(
                    entry.getKey(),
                    names,
                    count,
                    threads.stream().allMatch(LeftThread::daemon),
                    threads.get(0).runs(),
                    threads.stream()
                            .map(LeftThread::startedBy)
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null),
                    analysis == null ? -1 : retainedBy(analysis, threads)));
        }
        groups.sort((a, b) -> b.count() - a.count());
        return groups;
    }

    /** What the named threads' objects and their frames retain. */
    private static long retainedBy(DumpAnalysis analysis, List<LeftThread> threads) {
        Set<String> names = new java.util.HashSet<>();
        threads.forEach(t -> names.add(t.name()));
        HeapGraph graph = analysis.graph;
        long bytes = 0;
        for (Map.Entry<Integer, String> thread : graph.threadNames.entrySet()) {
            if (names.contains(thread.getValue())) {
                bytes += graph.retained(thread.getKey());
            }
        }
        for (HeapGraph.Root root : graph.roots) {
            if (root.kind.equals("frame") && names.contains(root.thread)) {
                bytes += graph.retained(root.node);
            }
        }
        return bytes;
    }
}
