package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How much memory each class left behind in a fork, from its measurements: the signal that guides the polluter
 * search to the likeliest classes first.
 *
 * <p>For the heap, the fork measures the live set only when a collection happens to run. What tests keep only grows,
 * so the live heap seen at any collection is an upper bound of what was kept up to then, and so is the least live heap
 * seen at any later collection: growth is read from that floor. The classes are cut into windows, each running from
 * the last collection of one class (the opener; the fork's first collection for the first window) to the last
 * collection of the next class that had one. The floor's rise across a window was kept by a class inside it or by the
 * opener after its last collection: the classes inside share the rise in proportion to the bytes each allocated (memory
 * kept must first be allocated), so a leak in a class without a collection of its own is charged to its window, most
 * to the class that allocated most. The opener gets a
 * quarter of the rise when that is more than it scored itself (the whole rise when no other class is in the window):
 * it is a suspect, but one to try after the classes inside (a heuristic: on simulated suites this kept the mean cost
 * of a polluter search as low as leaving the opener out, and its worst case as low as giving the opener the whole
 * rise). The first window starts at the first class's {@code liveBefore} when a collection ran before it. The window before the victim ends at the
 * victim's own collections (its {@code liveMin}): these include part of the victim's working set, so the classes
 * right before it may score a little more than they kept; when the victim's measurements were lost, that window scores
 * 0. Memory kept before the fork's first collection is not seen. Exact measurements (a forced collection at each
 * class end, for every class) are used as they are.
 *
 * <p>For memory outside the heap the value at each class end is exact enough, and growth is its rise across the class:
 * threads from the count at the class's start; direct buffers, metaspace and RSS from the previous class's end (the
 * first class of a fork has no earlier value and scores 0).
 */
public final class Growth {

    /** A class and the memory it left behind, in bytes (threads for thread deaths). */
    public record Score(String className, long retained, long allocated, int position) {}

    /** The part of the next window's rise that the class opening it gets: see the class comment. */
    private static final int OPENER_SHARE = 4;

    /** No observation yet: the identity of {@link #minKnown}. */
    private static final long UNKNOWN = Long.MAX_VALUE;

    private Growth() {}

    /** Scores the classes that ran before {@code victim} in {@code fork}, largest first. */
    public static List<Score> rank(ForkResult fork, String victim, Cause cause) {
        List<ClassRun> before = new ArrayList<>();
        ClassRun victimRun = null;
        for (ClassRun run : fork.classes()) {
            if (run.name().equals(victim)) {
                victimRun = run;
                break;
            }
            before.add(run);
        }
        long[] scores = switch (cause) {
            case DIRECT_OOM -> endDeltas(before, Measure::directEnd);
            case THREAD_OOM -> threadDeltas(before);
            case METASPACE_OOM -> endDeltas(before, Measure::metaspaceEnd);
            case MEMORY_LIMIT, KILLED -> endDeltas(before, Measure::rssEnd);
            default -> heapScores(before, victimRun);
        };
        List<Score> ranked = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            ranked.add(new Score(
                    before.get(i).name(),
                    Math.max(0, scores[i]),
                    Math.max(0, before.get(i).measure().allocated()),
                    i));
        }
        ranked.sort(Comparator.comparingLong(Score::retained)
                .reversed()
                .thenComparing(Comparator.comparingLong(Score::allocated).reversed())
                .thenComparingInt(Score::position));
        return ranked;
    }

    private static long[] endDeltas(List<ClassRun> runs, ToLongFunction<Measure> value) {
        long[] scores = new long[runs.size()];
        long previous = -1;
        for (int i = 0; i < runs.size(); i++) {
            long now = value.applyAsLong(runs.get(i).measure());
            scores[i] = now >= 0 && previous >= 0 ? now - previous : 0;
            if (now >= 0) {
                previous = now;
            }
        }
        return scores;
    }

    private static long[] threadDeltas(List<ClassRun> runs) {
        long[] scores = new long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Measure m = runs.get(i).measure();
            scores[i] = m.threadsStart() >= 0 && m.threadsEnd() >= 0 ? m.threadsEnd() - m.threadsStart() : 0;
        }
        return scores;
    }

    private static long[] heapScores(List<ClassRun> runs, ClassRun victim) {
        int n = runs.size();
        long[] scores = new long[n];
        boolean exact = n > 0
                && runs.stream()
                        .allMatch(
                                r -> r.measure().retained() >= 0 && r.measure().liveBefore() >= 0);
        if (exact) {
            for (int i = 0; i < n; i++) {
                scores[i] =
                        runs.get(i).measure().retained() - runs.get(i).measure().liveBefore();
            }
            return scores;
        }
        // after[i]: least live heap seen at a collection in class i or later (after[n]: in the victim)
        long[] after = new long[n + 1];
        after[n] = victim == null ? UNKNOWN : minKnown(UNKNOWN, victim.measure().liveMin());
        for (int i = n - 1; i >= 0; i--) {
            Measure m = runs.get(i).measure();
            after[i] = minKnown(after[i + 1], m.liveMin(), m.liveLast());
        }
        // windows from one class's last collection (the opener's; for the first window, the first class's liveBefore or
        // the fork's first collection) to the last collection of the next class that had one
        int opener = -1;
        long opened =
                n == 0 ? after[0] : minKnown(after[0], runs.get(0).measure().liveBefore());
        for (int i = 0; i <= n; i++) {
            if (i < n && !collected(runs.get(i).measure())) {
                continue;
            }
            long closed = i == n
                    ? after[n]
                    : minKnown(after[i + 1], runs.get(i).measure().liveLast());
            long rise = opened == UNKNOWN || closed == UNKNOWN ? 0 : closed - opened;
            if (opener >= 0) {
                boolean others = opener + 1 <= Math.min(i, n - 1);
                scores[opener] = Math.max(scores[opener], others ? rise / OPENER_SHARE : rise);
            }
            int last = Math.min(i, n - 1);
            long allocatedInWindow = allocated(runs, opener + 1, last);
            for (int j = opener + 1; j <= last; j++) {
                long share = allocatedInWindow > 0
                        ? Math.round(rise * (double) runs.get(j).measure().allocated() / allocatedInWindow)
                        : rise;
                scores[j] = Math.max(scores[j], share);
            }
            opener = i;
            opened = closed;
        }
        return scores;
    }

    private static boolean collected(Measure m) {
        return m.gcCount() > 0 || m.liveLast() >= 0;
    }

    /**
     * Bytes the classes {@code from..to} allocated, or 0 when any of them was not measured: within a window the rise
     * goes to the classes in proportion to what they allocated, since memory kept must first be allocated.
     */
    private static long allocated(List<ClassRun> runs, int from, int to) {
        long sum = 0;
        for (int j = from; j <= to; j++) {
            long bytes = runs.get(j).measure().allocated();
            if (bytes < 0) {
                return 0;
            }
            sum += bytes;
        }
        return sum;
    }

    private static long minKnown(long least, long... values) {
        for (long v : values) {
            if (v >= 0) {
                least = Math.min(least, v);
            }
        }
        return least;
    }
}
