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
 * seen at any later collection: growth is read from that floor. The classes are cut into windows, each ending with a
 * class during which a collection ran; a window's score is how much the floor rose from the last collection before
 * the window (the {@code liveBefore} of its first class) to the last collection in it, and every class in the window
 * gets it, the bytes each allocated breaking the tie. A leak in a class without a collection of its own is therefore
 * charged to its whole window; what a class keeps after its own last collection is charged to the next window. The
 * last window, just before the victim, ends at the victim's own collections (its {@code liveMin}): these include part
 * of the victim's working set, so the classes right before it may score a little more than they kept; when the
 * victim's measurements were lost, that window scores 0. Memory kept before the fork's first collection is not seen.
 * Exact measurements (a forced collection at each class end) are used as they are.
 *
 * <p>For memory outside the heap the value at each class end is exact enough, and growth is its rise across the class:
 * threads from the count at the class's start; direct buffers, metaspace and RSS from the previous class's end (the
 * first class of a fork has no earlier value and scores 0).
 */
public final class Growth {

    /** A class and the memory it left behind, in bytes (threads for thread deaths). */
    public record Score(String className, long retained, long allocated, int position) {}

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
        // floor[i]: least live heap observed from boundary i on, where a class's liveBefore stands for the boundary
        // before it (it is the last collection before the class). At the victim's start only the victim's own
        // collections count: its liveBefore was seen before the last window and would hide that window's growth.
        long[] floor = new long[n + 1];
        long least = Long.MAX_VALUE;
        if (victim != null) {
            least = minKnown(least, victim.measure().liveMin());
        }
        floor[n] = least;
        for (int i = n - 1; i >= 0; i--) {
            Measure m = runs.get(i).measure();
            least = minKnown(least, m.liveMin(), m.liveLast(), m.liveBefore());
            floor[i] = least;
        }
        int windowStart = 0;
        for (int i = 0; i < n; i++) {
            boolean collected = runs.get(i).measure().gcCount() > 0;
            if (!collected && i < n - 1) {
                continue;
            }
            long rise = floor[i + 1] == Long.MAX_VALUE || floor[windowStart] == Long.MAX_VALUE
                    ? 0
                    : floor[i + 1] - floor[windowStart];
            for (int j = windowStart; j <= i; j++) {
                scores[j] = Math.max(scores[j], rise);
            }
            windowStart = i + 1;
        }
        return scores;
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
