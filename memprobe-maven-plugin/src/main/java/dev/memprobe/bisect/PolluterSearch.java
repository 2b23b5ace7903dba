package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a small set of earlier classes that, run before the victim in their original order, reproduces its death.
 *
 * <p><b>Guided phase.</b> When {@link Growth} saw some earlier class leave memory behind, the classes that left most
 * are tried first: the top k of the ranking, k the fewest whose memory covers most of what the victim lacked when it
 * ran alone (the deficit), doubling k until the death reproduces. If no guess smaller than the prefix reproduces it, the whole
 * prefix is run again; if even that survives, the death does not reproduce ({@link Status#NOT_REPRODUCED}). Without
 * any measured growth the guesses would be blind, so the search runs the prefix again at once.
 *
 * <p><b>Reduction.</b> Delta debugging on complements, one pass per granularity: the failing set is cut into 2 chunks
 * and each chunk, least suspect first, is dropped if the victim still dies without it; then the set is cut into twice
 * as many chunks as the pass kept, and so on until the chunks are single classes. Unlike textbook ddmin a pass goes on
 * after a removal instead of starting over, and there is no subset phase: memory only adds up (the monotonicity that
 * {@link PolluterTrials} also relies on), so a chunk cannot kill the victim when a set containing it did not. The
 * result is 1-minimal: without any one of its classes the victim survives. When a guided guess of at most
 * {@code maxPolluters} classes reproduced the death, the measurements sized it to what the victim lacked, so most of
 * its classes are needed: the reduction is then one pass of single classes, m probes for a guess of m, where halving
 * spends up to 2 + m when all are needed (three polluters needed together: 3 probes, not 4). On the 300 seeded leak
 * scenarios of {@code RandomSuites} this spent 2321 probes in all instead of 2422 when it was chosen (on the search of
 * then: see {@link #firstGuess} for the totals of today's).
 *
 * <p><b>Probe bound.</b> With {@code n} the classes before the victim, {@code m ≤ n} the size of the failing set the
 * reduction starts from and {@code s} the size of the set found, and memory that adds up:
 *
 * <ul>
 *   <li>guided phase: at most {@code ⌈log2 n⌉ + 1} probes (guesses of k, 2k, 4k, ... classes below n, then the
 *       prefix; the unguided search runs only the prefix: 1 probe);
 *   <li>reduction: at most {@code 2 + 2s(⌈log2 m⌉ - 1) ≤ 2s⌈log2 m⌉} probes. The first pass tests 2 chunks. A chunk
 *       that a pass keeps holds a class of every set that still kills the victim (else the set without the chunk, a
 *       superset of such a set, would have killed it), so a pass keeps at most s chunks and the next one tests at most
 *       2s; chunks halve every pass, so there are at most {@code ⌈log2 m⌉} passes. A guess of m ≤
 *       {@code maxPolluters} classes is reduced in one pass of single classes: at most m probes.
 * </ul>
 *
 * So one search costs at most {@code ⌈log2 n⌉ + 1 + 2s⌈log2 n⌉} probes. The same argument bounds what a set needs: a
 * pass that keeps more than {@code maxPolluters} chunks proves that no set of at most {@code maxPolluters} of the
 * failing set kills the victim, and the search stops there ({@link Status#TOO_MANY}) instead of minimising a set
 * nobody will read. When the measurements already foresee that (the deficit needs more than {@code maxPolluters} of
 * the top-ranked classes), the first pass cuts {@code maxPolluters + 1} chunks instead of 2, so that memory adding up
 * over many classes is proven in {@code maxPolluters + 1} probes; the reduction bound then reads
 * {@code maxPolluters + 1 + 2s(⌈log2 m⌉ - 1)}.
 */
final class PolluterSearch {

    enum Status {
        /** A set of at most maxPolluters classes reproduces the death. */
        FOUND,
        /** Not even the whole prefix reproduces it again. */
        NOT_REPRODUCED,
        /** Every set that reproduces it has more than maxPolluters classes. */
        TOO_MANY,
        /** maxProbes ran out first; the set is the smallest found so far. */
        BUDGET
    }

    /** Whether the search tries the classes that measurements suspect first. */
    enum Guidance {
        /** The default: guided phase, then reduction with the least suspect chunks dropped first. */
        MEASURED,
        /** Plain delta debugging on the whole prefix, no ranking: the baseline the guided search is measured against. */
        NONE
    }

    /**
     * @param polluters the set found; for {@link Status#TOO_MANY} and {@link Status#BUDGET}, the smallest failing set
     *     so far, which holds the polluters
     * @param atLeast the fewest classes a failing set needs, as far as the probes prove it (the size of the set when
     *     {@link Status#FOUND})
     */
    record Result(
            Status status,
            List<String> polluters,
            int atLeast,
            List<Integer> probeIds,
            Optional<ForkResult> confirming) {

        Result {
            polluters = List.copyOf(polluters);
            probeIds = List.copyOf(probeIds);
        }

        Result(Status status, List<String> polluters, int atLeast, List<Integer> probeIds) {
            this(status, polluters, atLeast, probeIds, Optional.empty());
        }
    }

    private final Probes probes;
    private final int maxPolluters;
    private final Guidance guidance;
    private Map<String, Long> scores = Map.of();
    private Map<String, Integer> positions = Map.of();
    private PolluterTrials trials;

    PolluterSearch(Probes probes, int maxPolluters, Guidance guidance) {
        this.probes = probes;
        this.maxPolluters = maxPolluters;
        this.guidance = guidance;
    }

    /**
     * @param prefix the classes that ran before the victim in the fork that died, in order (that fork is the
     *     observation that {@code prefix + victim} fails)
     * @param original the failure of that fork
     * @param ranking classes by memory left behind, largest first
     * @param deficit memory the victim lacks when it runs alone (its peak in the failing fork minus its peak alone),
     *     or -1 if unknown
     */
    Result search(List<String> prefix, Failure original, List<Growth.Score> ranking, long deficit) {
        this.trials = new PolluterTrials(probes, original.victim(), original);
        this.positions = new HashMap<>();
        for (int i = 0; i < prefix.size(); i++) {
            positions.put(prefix.get(i), i);
        }
        this.scores = new HashMap<>();
        List<String> ranked = new ArrayList<>();
        if (guidance == Guidance.MEASURED) {
            for (Growth.Score score : ranking) {
                if (positions.containsKey(score.className())
                        && scores.putIfAbsent(score.className(), score.retained()) == null) {
                    ranked.add(score.className());
                }
            }
        }
        for (String name : prefix) {
            if (scores.putIfAbsent(name, 0L) == null) {
                ranked.add(name);
            }
        }
        boolean informed = scores.values().stream().anyMatch(v -> v > 0);
        int firstGuess = informed ? firstGuess(ranked, deficit) : 0;
        List<String> failing = null;
        try {
            if (informed) {
                for (int k = firstGuess; k < prefix.size(); k *= 2) {
                    List<String> guess = inOrder(ranked.subList(0, k));
                    // the first guess is usually the set: its trial takes a confirmation's evidence, and should
                    // the search end on it, it is the confirming run (one probe fewer)
                    boolean first = k == firstGuess && k <= maxPolluters;
                    if (first ? trials.failsWithEvidence(guess) : trials.fails(guess)) {
                        failing = guess;
                        break;
                    }
                }
            }
            if (failing == null) {
                if (!trials.fails(prefix)) {
                    return new Result(Status.NOT_REPRODUCED, List.of(), 0, trials.probeIds());
                }
                failing = prefix;
            }
        } catch (PolluterTrials.BudgetSpent e) {
            return new Result(Status.BUDGET, failing == null ? prefix : failing, 0, trials.probeIds());
        }
        if (failing != prefix && failing.size() <= maxPolluters) {
            // a guess the measurements sized to what the victim lacked: most of its classes are needed
            return reduce(failing, failing.size());
        }
        return reduce(failing, firstGuess > maxPolluters ? maxPolluters + 1 : 2);
    }

    /** @param parts the chunks of the first pass: 2, or maxPolluters + 1 when measurements foresee a large set */
    private Result reduce(List<String> failing, int parts) {
        List<String> set = failing;
        try {
            while (set.size() > 1) {
                boolean singles = parts >= set.size();
                List<List<String>> chunks = split(set, Math.min(parts, set.size()));
                chunks.sort(Comparator.comparingLong(this::suspicion)); // stable: equal suspicion keeps run order
                int kept = 0;
                for (List<String> chunk : chunks) {
                    List<String> without = new ArrayList<>(set);
                    without.removeAll(new HashSet<>(chunk));
                    if (trials.fails(without)) {
                        set = without;
                    } else {
                        kept++;
                    }
                }
                if (kept > maxPolluters) {
                    return new Result(Status.TOO_MANY, set, kept, trials.probeIds());
                }
                if (singles) {
                    break;
                }
                parts = 2 * kept;
            }
        } catch (PolluterTrials.BudgetSpent e) {
            return new Result(Status.BUDGET, set, 0, trials.probeIds());
        }
        Status status = set.size() > maxPolluters ? Status.TOO_MANY : Status.FOUND;
        return new Result(
                status,
                set,
                set.size(),
                trials.probeIds(),
                status == Status.FOUND ? trials.evidenceRun(set) : Optional.empty());
    }

    private long suspicion(List<String> chunk) {
        long sum = 0;
        for (String name : chunk) {
            sum += scores.getOrDefault(name, 0L);
        }
        return sum;
    }

    /**
     * The fewest top-ranked classes whose scores add up to 70% of the deficit (all the scored ones if they never do).
     * Not 100%: scores are estimates (a window's rise is shared by allocation, and what was kept before the fork's
     * first collection is not seen). Whole searches' probes on the simulated suites (200 {@code RandomSuites.mixed},
     * 300 {@code leak}, 50 of each {@code OverlapSuites} shape), measured again on 2026-12-03: 70% 1351, 1792, 2058;
     * 100% 1340, 1907, 2107; 50% 1420, 1913, 2140; 90% 1277, 1720, 2010. 90% spends fewer there, but on the
     * benchmark's real three-polluter suite ({@code n200-three}, 6 or 7 probes at 70%) it took 15 and 10: the guess held
     * 6 classes, the three polluters and three small innocent ones, each removed by a probe of its own, and the set
     * found then needed a confirmation of its own.
     */
    private int firstGuess(List<String> ranked, long deficit) {
        if (deficit <= 0) {
            return 1;
        }
        long sum = 0;
        int count = 0;
        for (String name : ranked) {
            long score = scores.get(name);
            if (score <= 0) {
                break;
            }
            sum += score;
            count++;
            if (sum >= deficit * 7 / 10) {
                return count;
            }
        }
        return Math.max(1, count);
    }

    private List<String> inOrder(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(positions::get));
        return sorted;
    }

    /** {@code parts} chunks of nearly equal size, in order; {@code parts} must not exceed the set's size. */
    private static List<List<String>> split(List<String> set, int parts) {
        List<List<String>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < parts; i++) {
            int end = start + (set.size() - start) / (parts - i);
            chunks.add(List.copyOf(set.subList(start, end)));
            start = end;
        }
        return chunks;
    }
}
