package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * How much memory each class left behind in a fork, from its measurements: the signal that guides the polluter
 * search to the likeliest classes first.
 *
 * <p>For the heap, the fork measures the live set only when a collection happens to run. What tests keep only grows,
 * so the live heap seen at any collection is an upper bound of what was kept up to then, and so is the least live heap
 * seen at any later collection: growth is read from that floor. The heap in use at a class's end is such a bound too
 * (what is in use holds what is live), and a tight one right after a collection: it keeps the floor where a collection
 * reported no live heap of its own. A class with collections of its own owns the floor's
 * rise from its first collection to its last: nothing else ran in between. Between one class's last collection (the
 * opener; for the first window, the first class's {@code liveBefore} or the fork's first collection) and the next
 * collecting class's first (the closer) lies a window, whose rise was kept by what was allocated in it: the opener's
 * bytes after its last collection (its heap in use at its end less its last live heap), the classes inside, and the
 * closer's bytes before its first collection (what it allocated up to its last, spread evenly over its collections).
 * They share the rise in proportion to those bytes, since memory kept must first be allocated: a polluter whose
 * caching straddles a collection is charged for both sides, and a class that allocated little next to it gets
 * little. A class's score is the sum of its parts. Where the opener's tail was not measured, it gets a quarter of the
 * rise (the whole rise when no other class is in the window): a suspect, but one to try after the classes inside.
 * The window before the victim ends at the victim's own collections (its {@code liveMin}): these include part of the
 * victim's working set, so there no class gets more of the rise than it allocated in the window (where that is
 * measured), and what is left is the victim's: a class right before the victim that allocated next to nothing is
 * not charged with the victim's rows. When the victim's measurements were lost, that window scores 0. Memory kept
 * before the fork's first collection is not seen. Exact measurements (a forced collection at each class end, for
 * every class) are used as they are.
 *
 * <p>For memory outside the heap the value at each class end is exact enough, and growth is its rise across the class:
 * threads from the count at the class's start; direct buffers, metaspace and RSS from the previous class's end (the
 * first class of a fork has no earlier value and scores 0).
 */
public final class Growth {

    /** A class and the memory it left behind, in bytes (threads for thread deaths). */
    public record Score(String className, long retained, long allocated, int position) {}

    /** The part of the next window's rise the opener gets when its tail was not measured: see the class comment. */
    private static final int OPENER_SHARE = 4;

    /** The share of the max heap below which what a class kept is noise: see {@link #noiseFloor}. */
    private static final int NOISE_SHARE = 64;

    /** No observation yet: the identity of {@link #minKnown}. */
    private static final long UNKNOWN = Long.MAX_VALUE;

    private Growth() {}

    /** Scores the classes that ran before {@code victim} in {@code fork}, in the cause's resource, largest first. */
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
        long[] scores = switch (cause.resource()) {
            case DIRECT_BUFFERS -> endDeltas(before, Measure::directEnd);
            case THREADS -> threadDeltas(before);
            case METASPACE -> endDeltas(before, Measure::metaspaceEnd);
            case RSS -> endDeltas(before, Measure::rssEnd);
            case HEAP -> heapScores(before, victimRun);
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

    /**
     * What each class of a fork left behind in the heap, by the rules of the class comment, with no victim: the
     * classes after the fork's last collection get 0 (nothing measured their rise). Used for every class's own
     * figures in the report.
     */
    public static long[] heapKept(List<ClassRun> runs) {
        return heapScores(runs, null);
    }

    /**
     * The least a class must have left behind to be named a suspect of a death of {@code cause} in {@code fork}: for
     * the heap a sixty-fourth of the fork's max heap (4 MiB of 256 MiB), since the floor readings the scores come from
     * move by a few MiB with the collections' timing, and a class that kept less is not what a victim lacked; for
     * memory outside the heap, measured at each class end, anything above nothing.
     */
    public static long noiseFloor(ForkResult fork, Cause cause) {
        if (cause.resource() != Resource.HEAP) {
            return 1;
        }
        long heapMax = fork.classes().stream()
                .mapToLong(r -> r.measure().heapMax())
                .max()
                .orElse(-1);
        return Math.max(1, heapMax / NOISE_SHARE);
    }

    /**
     * A class's suspects among {@code candidates}: the top of the ranking, each of which left at least a tenth of what
     * the candidates left behind in all and at least {@code floor} ({@link #noiseFloor}), until they cover 70% of it
     * (as the polluter search's first guess covers 70% of a deficit), at most {@code most}, in ranking order. Empty
     * when none of them left anything measurable behind, or when what was left is spread thinly over many classes. A
     * fork that runs a class first leaves its suspects out; a suspect that is no polluter costs the rest of the suite a
     * fork more, a polluter that is no suspect a fork more when a class dies after it. Whole searches' probes on the
     * simulated suites (200 of {@code RandomSuites.mixed}, 300 of {@code leak}, 50 of each {@code OverlapSuites}
     * shape), measured again on 2026-12-03: 1351, 1792 and 2058; a tenth and 60% 1353, 1792, 2052; a fifth and 70%
     * 1352, 1792, 2050; a twentieth and 70% 1351, 1793, 2059; no suspects at all 1357, 1792, 2101 (the noise floor
     * changes none of them).
     */
    static List<String> suspects(List<Score> ranking, Collection<String> candidates, int most, long floor) {
        Set<String> among = new HashSet<>(candidates);
        List<Score> scored = ranking.stream()
                .filter(s -> s.retained() > 0 && among.contains(s.className()))
                .toList();
        long total = scored.stream().mapToLong(Score::retained).sum();
        List<String> suspects = new ArrayList<>();
        long sum = 0;
        for (Score score : scored) {
            if (suspects.size() == most || sum >= total * 7 / 10 || score.retained() < Math.max(total / 10, floor)) {
                break;
            }
            suspects.add(score.className());
            sum += score.retained();
        }
        return suspects;
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
        // after[i]: least heap seen in class i or later, live after a collection or in use at a class's end (after[n]:
        // in the victim)
        long[] after = new long[n + 1];
        after[n] = victim == null ? UNKNOWN : minKnown(UNKNOWN, victim.measure().liveMin());
        for (int i = n - 1; i >= 0; i--) {
            Measure m = runs.get(i).measure();
            after[i] = minKnown(after[i + 1], m.liveMin(), m.liveLast(), m.heapEnd());
        }
        // windows from one class's last collection (the opener's; for the first window, the first class's liveBefore or
        // the fork's first collection) to the first collection of the next class that had one (the closer); the rise
        // from the closer's first collection to its last is its own
        int opener = -1;
        long opened =
                n == 0 ? after[0] : minKnown(after[0], runs.get(0).measure().liveBefore());
        for (int i = 0; i <= n; i++) {
            if (i < n && !collected(runs.get(i).measure())) {
                continue;
            }
            long first = after[i];
            long rise = opened == UNKNOWN || first == UNKNOWN ? 0 : first - opened;
            int last = Math.min(i, n - 1);
            long[] weights = new long[last - opener + 1];
            for (int j = opener + 1; j <= last; j++) {
                weights[j - opener] = j == i ? beforeFirstCollection(runs.get(j).measure()) : allocated(runs.get(j));
            }
            weights[0] = opener >= 0 ? afterLastCollection(runs.get(opener).measure()) : 0;
            share(scores, opener, weights, rise, i == n);
            long closed = i == n
                    ? first
                    : minKnown(
                            after[i + 1],
                            runs.get(i).measure().liveLast(),
                            runs.get(i).measure().heapEnd());
            if (i < n && closed != UNKNOWN && first != UNKNOWN) {
                scores[i] += closed - first;
            }
            opener = i;
            opened = closed;
        }
        return scores;
    }

    /**
     * Shares a window's rise: {@code weights[0]} is what the opener allocated after its last collection (-1 unknown,
     * 0 when there is no opener), {@code weights[k]} what class {@code opener + k} allocated in the window (-1
     * unknown). With every weight known, the rise goes in proportion to them, since memory kept must first be
     * allocated. Otherwise each class inside gets its part by allocation where all are known, the whole rise where not,
     * and the opener a quarter of the rise (the whole rise when no class is inside). In the window the victim closes
     * ({@code victims}), the rise holds the victim's working set too: no class gets more than its known bytes there.
     */
    private static void share(long[] scores, int opener, long[] weights, long rise, boolean victims) {
        if (rise <= 0 || (opener < 0 && weights.length == 1)) {
            return;
        }
        boolean insideKnown = true;
        long inside = 0;
        for (int k = 1; k < weights.length; k++) {
            insideKnown &= weights[k] >= 0;
            inside += Math.max(0, weights[k]);
        }
        long total = inside + Math.max(0, weights[0]);
        if (opener >= 0 && weights[0] >= 0 && insideKnown && total > 0) {
            scores[opener] += part(Math.round(rise * (double) weights[0] / total), weights[0], victims);
        } else if (opener >= 0) {
            scores[opener] += part(weights.length > 1 ? rise / OPENER_SHARE : rise, weights[0], victims);
            total = inside;
        }
        for (int k = 1; k < weights.length; k++) {
            long part = insideKnown && total > 0 ? Math.round(rise * (double) weights[k] / total) : rise;
            scores[opener + k] += part(part, weights[k], victims);
        }
    }

    /** A class's part of a window's rise; in the victim's window at most what the class allocated there (if known). */
    private static long part(long part, long bytes, boolean capped) {
        return capped && bytes >= 0 ? Math.min(part, bytes) : part;
    }

    /** Bytes the class allocated after its last collection: its heap at the end less the live heap then; -1 unknown. */
    private static long afterLastCollection(Measure m) {
        return m.heapEnd() >= 0 && m.liveLast() >= 0 && m.heapEnd() >= m.liveLast() ? m.heapEnd() - m.liveLast() : -1;
    }

    /**
     * Bytes the class allocated before its first collection, estimated: what it allocated up to its last collection,
     * spread evenly over its collections (each runs when the young generation is full again); -1 unknown.
     */
    private static long beforeFirstCollection(Measure m) {
        if (m.allocated() < 0) {
            return -1;
        }
        long tail = afterLastCollection(m);
        long upToLast = tail >= 0 && tail <= m.allocated() ? m.allocated() - tail : m.allocated();
        return m.gcCount() > 1 ? upToLast / m.gcCount() : upToLast;
    }

    private static long allocated(ClassRun run) {
        return run.measure().allocated();
    }

    private static boolean collected(Measure m) {
        return m.gcCount() > 0 || m.liveLast() >= 0;
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
