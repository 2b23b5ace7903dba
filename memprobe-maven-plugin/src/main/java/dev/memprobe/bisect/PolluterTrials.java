package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "does the victim die after these classes?" for the polluter search, one probe per new question.
 *
 * <p>Answers are remembered, and a set of classes that is part of a set after which the victim survived is answered
 * without a probe: memory that tests keep only adds up, so running fewer of them before the victim cannot kill it
 * (the search's monotonicity assumption; a class that frees what others keep would break it).
 */
final class PolluterTrials {

    /** Thrown when {@code maxProbes} runs out in the middle of a question. */
    static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    private final Probes probes;
    private final String victim;
    private final Failure original;
    private final Map<List<String>, Boolean> outcomes = new HashMap<>();
    private final List<Set<String>> survived = new ArrayList<>();
    private final List<Integer> probeIds = new ArrayList<>();
    /** The runs that carried a confirmation's evidence (histograms, heap dumps), by the polluters they tried. */
    private final Map<List<String>, ForkResult> withEvidence = new HashMap<>();

    /** @param original the failure to reproduce: the same victim dying of memory (or of the same cause) */
    PolluterTrials(Probes probes, String victim, Failure original) {
        this.probes = probes;
        this.victim = victim;
        this.original = original;
        outcomes.put(List.of(), false); // the victim alone survived: that is why the search runs
    }

    /**
     * Whether the victim, run after {@code polluters} in their order, dies as it did in the original fork.
     *
     * @throws BudgetSpent when a probe is needed and none is left
     */
    boolean fails(List<String> polluters) {
        return fails(polluters, false);
    }

    /**
     * {@link #fails(List)}, the probe (when one is needed) also taking what a confirmation takes: the live-object
     * histograms around each class and the heap dumps after each polluter. Should the search end on exactly these
     * polluters, this probe is then the confirming run of the death the suite's fork showed ({@link #evidenceRun}).
     */
    boolean failsWithEvidence(List<String> polluters) {
        return fails(polluters, true);
    }

    /** The probe with a confirmation's evidence that ran exactly {@code polluters} before the victim, if any. */
    Optional<ForkResult> evidenceRun(List<String> polluters) {
        return Optional.ofNullable(withEvidence.get(polluters));
    }

    private boolean fails(List<String> polluters, boolean evidence) {
        Boolean known = outcomes.get(polluters);
        if (known != null) {
            return known;
        }
        for (Set<String> superset : survived) {
            if (superset.containsAll(polluters)) {
                return false;
            }
        }
        List<String> classes = new ArrayList<>(polluters);
        classes.add(victim);
        ProbePlan plan = ProbePlan.of(classes, new Purpose.Pollutes(polluters, victim));
        if (evidence) {
            plan = plan.withHistograms(Set.copyOf(classes))
                    .withHeapDumps(Confirmation.dumpsOf(Culprit.Kind.CUMULATIVE, polluters, original.cause()));
        }
        Optional<ForkResult> result = probes.run(plan);
        if (result.isEmpty()) {
            throw new BudgetSpent();
        }
        probeIds.add(result.get().probe().id());
        boolean fails = result.get().failure().map(original::sameAs).orElse(false);
        outcomes.put(List.copyOf(polluters), fails);
        if (evidence && fails) {
            withEvidence.put(List.copyOf(polluters), result.get());
        }
        if (!fails) {
            survived.add(new HashSet<>(polluters));
        }
        return fails;
    }

    /** The ids of the probes run so far, in order. */
    List<Integer> probeIds() {
        return List.copyOf(probeIds);
    }
}
