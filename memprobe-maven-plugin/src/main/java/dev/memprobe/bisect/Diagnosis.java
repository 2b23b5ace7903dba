package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A class failed in a fork: is it a hog (it dies alone), a victim of polluters (it survives alone and dies after some
 * of the classes that ran before it), or neither? Shared by the strategies; adds what it concludes to the
 * {@link Investigation}.
 */
final class Diagnosis {

    private final Investigation investigation;

    Diagnosis(Investigation investigation) {
        this.investigation = investigation;
    }

    /**
     * The class that failed in {@code result}, with the probe of it alone already started.
     *
     * @param alone that probe (empty for a death the search does not reproduce, or when the budget was spent); it may
     *     run the classes the fork did not run after the class, which then ran first
     * @param prefix the classes its polluters are searched among, in CI's order ({@link #prefix})
     * @return the culprit it turned out to be, if any
     */
    Optional<Culprit> inFork(ForkResult result, Failure failure, Optional<Probes.Pending> alone, List<String> prefix) {
        String victim = failure.victim();
        FixedSuite fixed = investigation.fixed();
        if (!failure.cause().reproducible()) {
            investigation.finding(new Finding.ExternalSignal(failure));
            fixed.unresolved(victim);
            return Optional.empty();
        }
        if (alone.isEmpty()) {
            investigation.budgetSpent(Finding.Budget.Stage.RUN_ALONE, victim);
            fixed.unresolved(victim);
            return Optional.empty();
        }
        ForkResult aloneRun = alone.get().get();
        if (aloneRun.probe().classes().size() > 1) { // the class first, then the classes not yet run
            Optional<ForkResult> first = aloneRun.asFirst(victim);
            Optional<ForkResult> own = first.isPresent() ? first : investigation.run(aloneProbe(victim));
            if (own.isEmpty()) {
                investigation.budgetSpent(Finding.Budget.Stage.RUN_ALONE, victim);
                fixed.unresolved(victim);
                return Optional.empty();
            }
            aloneRun = own.get();
        }
        Optional<Failure> aloneFailure = aloneRun.failure();
        if (aloneFailure.isPresent() && aloneFailure.get().victim() == null) {
            investigation.finding(new Finding.OutsideClass(
                    aloneFailure.get(), aloneRun.probe().id()));
            fixed.unresolved(victim);
            return Optional.empty();
        }
        if (aloneFailure.isPresent() && victim.equals(aloneFailure.get().victim())) {
            return Optional.of(hog(aloneRun, aloneFailure.get(), result));
        }
        return survivedAlone(result, failure, aloneRun, prefix);
    }

    /**
     * The classes that ran before {@code victim} in {@code result} and kept their memory there (classes that failed
     * of memory earlier in a fork that went on gave theirs back), that the fixed suite still has, in CI's order.
     */
    List<String> prefix(ForkResult result, String victim) {
        List<String> before = new ArrayList<>(result.startedBefore(victim));
        for (Failure earlier : result.failures()) {
            before.remove(earlier.victim());
        }
        return investigation.fixed().keep(before);
    }

    /** The probe that asks whether the class dies alone. */
    static ProbePlan aloneProbe(String className) {
        return ProbePlan.of(List.of(className), new Purpose.Alone(className));
    }

    /**
     * The class died alone: a single culprit, confirmed.
     *
     * @param suiteRun the fork it died in first, or null when the search ran it alone from the start
     */
    Culprit hog(ForkResult alone, Failure failure, ForkResult suiteRun) {
        investigation.fixed().hog(failure.victim());
        return investigation.confirmed(Culprits.single(alone, failure, suiteRun));
    }

    /**
     * The class that failed in {@code result} survives alone: a fork timeout means a slow suite; anything else has
     * polluters among the classes before it, which the polluter search looks for.
     *
     * @return the culprit it turned out to be, if any
     */
    Optional<Culprit> survivedAlone(ForkResult result, Failure failure, ForkResult alone) {
        return survivedAlone(result, failure, alone, prefix(result, failure.victim()));
    }

    private Optional<Culprit> survivedAlone(ForkResult result, Failure failure, ForkResult alone, List<String> prefix) {
        String victim = failure.victim();
        FixedSuite fixed = investigation.fixed();
        if (!failure.cause().pollutable()) {
            investigation.finding(new Finding.SlowSuite(victim, alone.wallMs()));
            fixed.unresolved(victim);
            return Optional.empty();
        }
        if (prefix.isEmpty()) {
            return Optional.of(
                    investigation.unconfirmed(Culprits.notReproduced(result, alone, failure, prefix, List.of())));
        }
        List<Growth.Score> scores = Growth.rank(result, victim, failure.cause());
        long deficit = deficit(result, alone, victim, failure.cause());
        PolluterSearch.Result found = investigation.polluterSearch().search(prefix, failure, scores, deficit);
        int maxPolluters = investigation.request().maxPolluters();
        int maxProbes = investigation.request().maxProbes();
        if (found.status() == PolluterSearch.Status.FOUND) {
            fixed.blame(found.polluters(), victim);
        } else if (found.status() != PolluterSearch.Status.NOT_REPRODUCED) {
            fixed.unresolved(victim);
        }
        return switch (found.status()) {
            case FOUND ->
                Optional.of(investigation.confirmed(Culprits.cumulative(result, alone, failure, found, scores)));
            case NOT_REPRODUCED ->
                Optional.of(investigation.unconfirmed(
                        Culprits.notReproduced(result, alone, failure, prefix, found.probeIds())));
            case TOO_MANY -> {
                investigation.ranking(scores);
                investigation.finding(new Finding.NoSmallSet(failure, found.atLeast(), maxPolluters, leaders(scores)));
                yield Optional.empty();
            }
            case BUDGET -> {
                investigation.ranking(scores);
                investigation.budgetSpent(new Finding.BudgetInSearch(maxProbes, failure, found.polluters()));
                yield Optional.empty();
            }
        };
    }

    /** The ten classes that left most behind. */
    private static List<String> leaders(List<Growth.Score> ranking) {
        return ranking.stream().limit(10).map(Growth.Score::className).toList();
    }

    /**
     * How much more the victim used in the failing fork than alone, by the cause's resource; -1 if unknown. The
     * heap's peak is the sum of its pools' peaks, which need not come at the same moment and can pass the maximum
     * heap: in the failing fork it is read as at most the maximum, all the victim could have had.
     */
    static long deficit(ForkResult failing, ForkResult alone, String victim, Cause cause) {
        Resource resource = cause.resource();
        long inSuite = failing.run(victim)
                .map(ClassRun::measure)
                .map(m -> resource == Resource.HEAP && m.heapMax() > 0
                        ? Math.min(m.heapPeak(), m.heapMax())
                        : resource.peak(m))
                .orElse(-1L);
        long own = alone.run(victim).map(r -> resource.peak(r.measure())).orElse(-1L);
        return inSuite >= 0 && own >= 0 ? inSuite - own : -1;
    }
}
