package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How much memory each class left behind in a fork, from its measurements: the signal that guides the polluter
 * search to the likeliest classes first.
 *
 * <p>For the heap, the fork measures the live set only when a collection happens to run, so growth is read from the
 * floor of live-heap observations: the least live heap seen at or after each class boundary. A rise of that floor
 * happened somewhere since the previous collection; every class in that window gets the rise as its score, and the
 * bytes each allocated break the tie. Exact measurements (a forced collection at each class end) are used as they
 * are. For memory outside the heap (direct buffers, threads, metaspace, RSS) the value at each class end is exact
 * enough, and growth is its rise across the class.
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
            case THREAD_OOM -> endDeltas(before, Measure::threadsEnd);
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
        // floor[i]: least live heap observed at boundary i or later (boundary n: the victim's start)
        long[] floor = new long[n + 1];
        long least = Long.MAX_VALUE;
        if (victim != null) {
            least = minKnown(
                    least, victim.measure().liveBefore(), victim.measure().liveMin());
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
