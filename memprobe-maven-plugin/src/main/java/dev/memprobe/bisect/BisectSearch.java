package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Strategy#BISECT}: the whole set in CI order, in a fork that goes on past memory errors it survives (unless
 * failFast); each failure diagnosed in turn; then on with the classes the fork did not finish, in a fork that carries
 * what the suite with the culprits found so far fixed runs before them ({@link FixedSuite}). A failure after a class
 * that suite no longer has (a polluter since blamed, say) is not trusted: it may be that class's doing, so it and the
 * classes after it run again, after the fixed suite's classes before it. Classes that passed in a fork pass in the
 * fixed suite too, as long as the fork had all its memory: memory only adds up. One at a time, the rest follows the
 * failing class in the fork that asks whether it dies alone (it runs first, so alone as far as its question goes,
 * and its suspected polluters are not carried after it); when probes run in parallel, the rest starts at once,
 * beside the failing class's own questions.
 */
final class BisectSearch implements Search {

    private final Investigation investigation;
    private final Diagnosis diagnosis;
    private final FixedSuite fixed;
    private final boolean stop;
    private final RestOfSuite rests;

    BisectSearch(Investigation investigation) {
        this.investigation = investigation;
        this.diagnosis = new Diagnosis(investigation);
        this.fixed = investigation.fixed();
        this.stop = investigation.request().failFast();
        this.rests = new RestOfSuite(investigation);
    }

    /** The fork to read next: one that ran or runs, else the rest of the suite still to start. */
    private record Step(Optional<Probes.Pending> started, ForkResult done, RestOfSuite.Rest rest) {

        static Step toStart(RestOfSuite.Rest rest) {
            return new Step(Optional.empty(), null, rest);
        }
    }

    @Override
    public void run() {
        List<String> pending = investigation.request().classes();
        ProbePlan suite = investigation.suitePart(pending, new Purpose.WholeSuite(pending.size()));
        Optional<ForkResult> run = investigation.run(suite.inSurefireOrder());
        if (run.isEmpty()) {
            investigation.budgetSpent(Finding.Budget.Stage.SUITE, null);
            return;
        }
        ForkResult result = run.get();
        if (!result.planned().isEmpty()) {
            investigation.ciOrder(result.planned());
        }
        while (true) {
            Optional<Step> next = examine(result);
            if (next.isEmpty()) {
                return;
            }
            Optional<ForkResult> following = read(next.get());
            if (following.isEmpty()) {
                RestOfSuite.Rest rest = next.get().rest();
                // a failure run again is among the classes it names: they have no class before them to be after
                String after = rest.again() == null ? rest.after() : null;
                investigation.budgetSpent(
                        new Finding.RestNotRun(investigation.request().maxProbes(), after, rest.rest()));
                return;
            }
            result = following.get();
        }
    }

    private Optional<ForkResult> read(Step step) {
        if (step.done() != null) {
            return Optional.of(step.done());
        }
        if (step.started().isPresent()) {
            return Optional.of(step.started().get().get());
        }
        return rests.start(step.rest()).map(Probes.Pending::get);
    }

    /**
     * Reads a fork: drops the carried classes that died in it, and diagnoses its other failures in order. Empty when
     * the search ends here: nothing left to run, a death outside any class, or failFast satisfied.
     */
    private Optional<Step> examine(ForkResult result) {
        RestOfSuite.Rest ran = rests.of(result.probe());
        Set<String> carried = ran == null ? Set.of() : new HashSet<>(ran.carried());
        List<Failure> failures = new ArrayList<>();
        for (Failure failure : result.failures()) {
            String victim = failure.victim();
            if (ran != null && victim != null && victim.equals(ran.first())) {
                continue; // asked whether it dies alone: diagnosed already
            }
            if (victim != null && carried.contains(victim)) {
                investigation.finding(
                        new Finding.DiedWhenCarried(failure, result.probe().id(), fixed.victim(victim)));
                fixed.drop(victim);
                continue;
            }
            failures.add(failure);
        }
        if (ran != null && ran.again() != null) {
            passedAgain(result, ran.again());
        }
        if (!failures.isEmpty()) {
            investigation.failureSeen();
            return diagnoseEach(result, failures);
        }
        if (ran != null
                && result.death() != null
                && carried.contains(result.death().inFlightClass())) {
            // a carried class took the fork with it before the rest ran: again, without it
            return Optional.of(Step.toStart(rests.again(ran)));
        }
        return Optional.empty();
    }

    /** A failure that was not trusted and that passed when run again after the fixed suite's classes: a finding. */
    private void passedAgain(ForkResult result, RestOfSuite.Untrusted again) {
        String victim = again.failure().victim();
        boolean passed = result.run(victim).map(r -> !r.isFailure()).orElse(false);
        if (passed) {
            investigation.finding(new Finding.NeedsBlamedMemory(
                    again.failure(),
                    again.probe(),
                    again.excluded(),
                    result.probe().id()));
        }
    }

    /**
     * Diagnoses the fork's failures in order, starting each class's probe alone (and the rest of the suite, in that
     * probe or beside it), up to the last or the first one the fork cannot be trusted with, whose class and the
     * classes after it run again.
     */
    private Optional<Step> diagnoseEach(ForkResult result, List<Failure> failures) {
        RestOfSuite.Rest ran = rests.of(result.probe());
        for (int k = 0; k < failures.size(); k++) {
            Failure failure = failures.get(k);
            String victim = failure.victim();
            if (victim == null) {
                investigation.finding(
                        new Finding.OutsideClass(failure, result.probe().id()));
                return Optional.empty();
            }
            // after a fork timeout the rest runs in a fresh fork: the fork's clock would count carried classes
            List<String> before = failure.cause().carriesPast() ? result.startedBefore(victim) : List.of();
            List<String> excluded = fixed.untrusting(result, victim);
            if (!excluded.isEmpty()) {
                List<String> again = new ArrayList<>();
                again.add(victim);
                again.addAll(RestOfSuite.notCarried(result.after(victim), ran));
                RestOfSuite.Untrusted untrusted =
                        new RestOfSuite.Untrusted(failure, result.probe().id(), excluded);
                return Optional.of(Step.toStart(rests.after(victim, before, again, untrusted)));
            }
            boolean last = k == failures.size() - 1;
            List<String> restClasses = last ? RestOfSuite.notCarried(result.notFinished(victim), ran) : List.of();
            // one at a time, the classes not yet run follow the class in the same fork: it runs first, so it runs
            // alone as far as its own question goes, and a JVM start is saved
            boolean together = !restClasses.isEmpty()
                    && !stop
                    && !investigation.parallel()
                    && failure.cause().restMayFollow();
            Optional<Probes.Pending> alone;
            RestOfSuite.Rest aloneThenRest = null;
            if (!failure.cause().reproducible()) {
                alone = Optional.empty();
            } else if (together) {
                aloneThenRest = rests.aloneFirst(result, failure, before, restClasses);
                alone = rests.start(aloneThenRest);
            } else {
                alone = investigation.start(Diagnosis.aloneProbe(victim));
            }
            Optional<Probes.Pending> ahead = Optional.empty();
            RestOfSuite.Rest beside = null;
            if (investigation.parallel() && !stop && !restClasses.isEmpty()) {
                beside = rests.beside(victim, before, restClasses);
                ahead = rests.start(beside);
            }
            diagnosis.inFork(result, failure, alone, diagnosis.prefix(result, victim));
            if (investigation.satisfied()) {
                return Optional.empty();
            }
            if (restClasses.isEmpty()) {
                continue;
            }
            if (beside != null) {
                return Optional.of(new Step(ahead, null, beside));
            }
            if (aloneThenRest != null && alone.isPresent()) {
                ForkResult both = alone.get().get();
                boolean ranOn = both.classes().stream().anyMatch(r -> !r.name().equals(victim));
                if (ranOn && fixed.keep(aloneThenRest.leftOut()).isEmpty()) {
                    return Optional.of(new Step(Optional.empty(), both, aloneThenRest));
                }
                // the class took the fork with it, or the fork left out a suspect that was not blamed: the rest runs
                // in a fork of its own that carries what the fixed suite has before it
            }
            return Optional.of(Step.toStart(rests.after(victim, before, restClasses, null)));
        }
        return Optional.empty();
    }
}
