package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite as CI runs it with the culprits found so far fixed: the one suite every question of the search is asked
 * of, so that one culprit cannot hide another. A hog is gone from it (it dies alone, whatever ran before it); a
 * polluter a verdict blamed keeps nothing, so it is gone too; so is a class whose death stays unexplained (memory
 * adding up over too many classes, a search cut short, a signal from outside), since it would still die there. Every
 * other class runs and keeps what it keeps, the victims whose polluters were found included.
 *
 * <p>What this suite runs before a class is what a fork for the rest of the suite carries to it; a failure in a fork
 * that ran a class this suite no longer has, before it, is not trusted ({@link #untrusting}): fixing that class may
 * fix the failure.
 */
final class FixedSuite {

    /** Why a class is not in the fixed suite. */
    enum Exclusion {
        /** It dies alone. */
        HOG,
        /** A verdict blamed it as a polluter: fixed, it keeps nothing. */
        POLLUTER,
        /** Its death stays unexplained: it would die in the fixed suite too. */
        UNRESOLVED,
        /** It died where it was only carried, and is not run again for the classes after it. */
        DROPPED
    }

    private final Map<String, Exclusion> excluded = new HashMap<>();
    private final Set<String> victims = new HashSet<>();
    private Map<String, Integer> positions = Map.of();

    /** The classes in CI's order: carried classes run in it. */
    void order(List<String> ciOrder) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < ciOrder.size(); i++) {
            at.putIfAbsent(ciOrder.get(i), i);
        }
        this.positions = at;
    }

    void hog(String className) {
        excluded.putIfAbsent(className, Exclusion.HOG);
    }

    /** A verdict blamed these polluters for the victim's death: fixed, they keep nothing, and the victim passes. */
    void blame(List<String> polluters, String victim) {
        for (String polluter : polluters) {
            excluded.putIfAbsent(polluter, Exclusion.POLLUTER);
        }
        victims.add(victim);
    }

    /** Whether the class is the victim of a verdict that blamed its polluters. */
    boolean victim(String className) {
        return victims.contains(className);
    }

    void unresolved(String className) {
        excluded.putIfAbsent(className, Exclusion.UNRESOLVED);
    }

    void drop(String className) {
        excluded.putIfAbsent(className, Exclusion.DROPPED);
    }

    boolean has(String className) {
        return !excluded.containsKey(className);
    }

    /** Of these classes, the ones the fixed suite runs, once each, in CI's order. */
    List<String> keep(Collection<String> classes) {
        List<String> kept = new ArrayList<>();
        for (String name : new LinkedHashSet<>(classes)) {
            if (has(name)) {
                kept.add(name);
            }
        }
        kept.sort(Comparator.comparingInt(name -> positions.getOrDefault(name, Integer.MAX_VALUE)));
        return kept;
    }

    /**
     * The classes that ran before {@code className} in the fork and kept their memory there (they did not fail of
     * memory), and that the fixed suite no longer has, in start order. Empty when the failure of the class can be
     * diagnosed in that fork; otherwise the class may be dying of memory that fixing them removes.
     */
    List<String> untrusting(ForkResult fork, String className) {
        List<String> found = new ArrayList<>();
        for (ClassRun run : fork.classes()) {
            if (run.name().equals(className)) {
                break;
            }
            if (!run.isFailure() && !has(run.name())) {
                found.add(run.name());
            }
        }
        return found;
    }
}
