package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a small set of earlier classes that, run before the victim in their original order, reproduces its death.
 *
 * <p>First a guided phase: the classes that left most memory behind (by {@link Growth}) are tried first, as many as
 * the missing memory suggests, doubling until the death reproduces. Then delta debugging (ddmin, complements first,
 * least suspect chunks removed first) shrinks that set to a 1-minimal one: removing any single polluter makes the
 * victim survive. With good measurements a single polluter costs two or three probes, not log2(n) rounds.
 */
final class PolluterSearch {

    enum Status {
        /** A set of at most maxPolluters classes reproduces the death. */
        FOUND,
        /** Not even the whole prefix reproduces it again. */
        NOT_REPRODUCED,
        /** A minimal set exists but it is larger than maxPolluters. */
        TOO_MANY,
        /** maxProbes ran out first; the set is the smallest found so far. */
        BUDGET
    }

    record Result(Status status, List<String> polluters, List<Integer> probeIds) {}

    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    private final Probes probes;
    private final int maxPolluters;
    private final Map<List<String>, Boolean> outcomes = new HashMap<>();
    private final List<Integer> probeIds = new ArrayList<>();
    private Map<String, Long> scores = Map.of();
    private Map<String, Integer> positions = Map.of();
    private String victim;
    private Failure original;

    PolluterSearch(Probes probes, int maxPolluters) {
        this.probes = probes;
        this.maxPolluters = maxPolluters;
    }

    /**
     * @param prefix the classes that ran before the victim in the fork that died, in order (that fork is the
     *     observation that {@code prefix + victim} fails)
     * @param ranking classes by memory left behind, largest first
     * @param deficit memory the victim lacks when it runs alone (limit minus its own peak), or -1 if unknown
     */
    Result search(List<String> prefix, String victim, Failure original, List<Growth.Score> ranking, long deficit) {
        this.victim = victim;
        this.original = original;
        this.positions = new HashMap<>();
        for (int i = 0; i < prefix.size(); i++) {
            positions.put(prefix.get(i), i);
        }
        this.scores = new HashMap<>();
        List<String> ranked = new ArrayList<>();
        for (Growth.Score score : ranking) {
            if (positions.containsKey(score.className())) {
                scores.put(score.className(), score.retained());
                ranked.add(score.className());
            }
        }
        for (String name : prefix) {
            if (!scores.containsKey(name)) {
                scores.put(name, 0L);
                ranked.add(name);
            }
        }
        outcomes.put(List.of(), false); // the victim alone survived: that is why we search
        List<String> failing = null;
        try {
            for (int k = firstGuess(ranking, deficit); k < prefix.size(); k *= 2) {
                List<String> guess = inOrder(ranked.subList(0, k));
                if (fails(guess)) {
                    failing = guess;
                    break;
                }
            }
            if (failing == null) {
                if (!fails(prefix)) {
                    return new Result(Status.NOT_REPRODUCED, List.of(), probeIds);
                }
                failing = prefix;
            }
        } catch (BudgetSpent e) {
            return new Result(Status.BUDGET, failing == null ? prefix : failing, probeIds);
        }
        Minimized minimized = ddmin(failing);
        if (!minimized.complete) {
            return new Result(Status.BUDGET, minimized.set, probeIds);
        }
        if (minimized.set.size() > maxPolluters) {
            return new Result(Status.TOO_MANY, minimized.set, probeIds);
        }
        return new Result(Status.FOUND, minimized.set, probeIds);
    }

    private record Minimized(List<String> set, boolean complete) {}

    private Minimized ddmin(List<String> start) {
        List<String> set = start;
        int granularity = 2;
        try {
            while (set.size() >= 2) {
                List<List<String>> chunks = split(set, granularity);
                boolean reduced = false;
                List<List<String>> leastSuspectFirst = new ArrayList<>(chunks);
                leastSuspectFirst.sort(Comparator.comparingLong(this::suspicion));
                for (List<String> chunk : leastSuspectFirst) {
                    List<String> complement = new ArrayList<>(set);
                    complement.removeAll(chunk);
                    if (!complement.isEmpty() && fails(complement)) {
                        set = complement;
                        granularity = Math.max(granularity - 1, 2);
                        reduced = true;
                        break;
                    }
                }
                if (!reduced && granularity > 2) {
                    List<List<String>> mostSuspectFirst = new ArrayList<>(leastSuspectFirst);
                    Collections.reverse(mostSuspectFirst);
                    for (List<String> chunk : mostSuspectFirst) {
                        if (fails(chunk)) {
                            set = chunk;
                            granularity = 2;
                            reduced = true;
                            break;
                        }
                    }
                }
                if (!reduced) {
                    if (granularity >= set.size()) {
                        break;
                    }
                    granularity = Math.min(granularity * 2, set.size());
                }
            }
            return new Minimized(set, true);
        } catch (BudgetSpent e) {
            return new Minimized(set, false);
        }
    }

    private long suspicion(List<String> chunk) {
        long sum = 0;
        for (String name : chunk) {
            sum += scores.getOrDefault(name, 0L);
        }
        return sum;
    }

    private boolean fails(List<String> polluters) {
        Boolean known = outcomes.get(polluters);
        if (known != null) {
            return known;
        }
        List<String> classes = new ArrayList<>(polluters);
        classes.add(victim);
        String purpose = polluters.size() == 1
                ? "does " + simple(polluters.get(0)) + " pollute " + simple(victim) + "?"
                : "do " + polluters.size() + " classes pollute " + simple(victim) + "?";
        Optional<ForkResult> result = probes.run(classes, purpose);
        if (result.isEmpty()) {
            throw new BudgetSpent();
        }
        probeIds.add(result.get().probe().id());
        boolean fails = result.get().failure().map(original::sameAs).orElse(false);
        outcomes.put(List.copyOf(polluters), fails);
        return fails;
    }

    private int firstGuess(List<Growth.Score> ranking, long deficit) {
        if (deficit <= 0) {
            return 1;
        }
        long sum = 0;
        int count = 0;
        for (Growth.Score score : ranking) {
            if (score.retained() <= 0 || !positions.containsKey(score.className())) {
                break;
            }
            sum += score.retained();
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

    private static List<List<String>> split(List<String> set, int parts) {
        List<List<String>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < parts; i++) {
            int end = start + (set.size() - start) / (parts - i);
            if (end > start) {
                chunks.add(List.copyOf(set.subList(start, end)));
            }
            start = end;
        }
        return chunks;
    }

    static String simple(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
