package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Strategy#BISECT}: the whole set in CI order, in a fork that goes on past memory errors it survives (unless
 * failFast); each failure diagnosed in turn; then on with the classes the fork did not finish. Past a hog the fork ran
 * the rest as it would have without it; past any other failure, later failures in it may be the earlier one's doing
 * (memory that polluters keep stays), so the classes after it run again in a fresh fork. Classes that passed in it
 * pass in a fresh fork too: memory only adds up. When probes run in parallel, the rest of the suite starts at once,
 * beside the failing class's own questions; one at a time, the rest follows the failing class in the fork that asks
 * whether it dies alone (it runs first, so alone as far as its question goes).
 */
final class BisectSearch implements Search {

    private final Investigation investigation;
    private final Diagnosis diagnosis;
    private final boolean stop;
    /** A class run first in the fork to come to see whether it dies alone, already diagnosed. */
    private String answered;

    BisectSearch(Investigation investigation) {
        this.investigation = investigation;
        this.diagnosis = new Diagnosis(investigation);
        this.stop = investigation.request().failFast();
    }

    /** The classes still to run after a fork, and the probe that runs them if it is started already. */
    private record Rest(List<String> classes, Optional<Probes.Pending> started) {}

    @Override
    public void run() {
        List<String> pending = investigation.request().classes();
        ProbePlan suite = investigation.suitePart(pending, new Purpose.WholeSuite(pending.size()));
        Optional<ForkResult> run = investigation.run(suite.inSurefireOrder());
        while (run.isPresent()) {
            ForkResult result = run.get();
            if (result.probe().id() == 1 && !result.planned().isEmpty()) {
                investigation.ciOrder(result.planned());
            }
            String skip = answered;
            answered = null;
            List<Failure> failures = new ArrayList<>(result.failures());
            failures.removeIf(f -> skip != null && skip.equals(f.victim()));
            if (failures.isEmpty()) {
                List<String> left = skip == null ? List.of() : result.notFinished(skip);
                if (left.isEmpty()) {
                    return;
                }
                // the class run first died alone and took the fork with it: the rest needs a fork of its own
                run = investigation.run(notYetRun(left));
                continue;
            }
            investigation.failureSeen();
            Optional<Rest> rest = diagnoseEach(result, failures);
            if (rest.isEmpty()) {
                return;
            }
            run = rest.get().started().isPresent()
                    ? Optional.of(rest.get().started().get().get())
                    : investigation.run(notYetRun(rest.get().classes()));
        }
        investigation.budgetSpent(Finding.Budget.Stage.SUITE, null);
    }

    /**
     * Diagnoses the fork's failures in order, starting each class's probe alone (and the rest of the suite, in that
     * probe or beside it). Empty when the search ends here: nothing left to run, a death outside any class, or
     * failFast satisfied.
     */
    private Optional<Rest> diagnoseEach(ForkResult result, List<Failure> failures) {
        Optional<Probes.Pending> ahead = Optional.empty();
        List<String> rest = List.of();
        for (int k = 0; k < failures.size(); k++) {
            Failure failure = failures.get(k);
            String victim = failure.victim();
            if (victim == null) {
                investigation.finding(
                        new Finding.OutsideClass(failure, result.probe().id()));
                return Optional.empty();
            }
            boolean last = k == failures.size() - 1;
            rest = last ? result.notFinished(victim) : List.of();
            // one at a time, the classes not yet run follow the class in the same fork: it runs first, so it runs
            // alone as far as its own question goes, and a JVM start is saved
            boolean together = !rest.isEmpty()
                    && !stop
                    && !investigation.parallel()
                    && failure.cause().restMayFollow();
            Optional<Probes.Pending> alone;
            if (!failure.cause().reproducible()) {
                alone = Optional.empty();
            } else if (together) {
                alone = investigation.start(aloneThenRest(victim, rest));
                ahead = alone;
                answered = victim;
            } else {
                alone = investigation.start(Diagnosis.aloneProbe(victim));
            }
            if (investigation.parallel() && !stop && !rest.isEmpty()) {
                ahead = investigation.start(notYetRun(rest));
            }
            Optional<Culprit> found = diagnosis.inFork(result, failure, alone);
            if (investigation.satisfied()) {
                return Optional.empty();
            }
            boolean hog = found.map(c -> c.kind() == Culprit.Kind.SINGLE).orElse(false);
            if (!last && !hog) {
                // the fork went on with memory that others keep, or after a death nobody explained: a later
                // failure in it may be theirs, not its own; the classes after this one run again in a fresh fork
                rest = result.after(victim);
                break;
            }
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(new Rest(rest, ahead));
    }

    private ProbePlan notYetRun(List<String> classes) {
        return investigation.suitePart(classes, new Purpose.NotYetRun(classes.size()));
    }

    /** The class alone first, then the classes not yet run, going on past memory errors as a probe of the suite. */
    private static ProbePlan aloneThenRest(String victim, List<String> rest) {
        List<String> classes = new ArrayList<>();
        classes.add(victim);
        classes.addAll(rest);
        return ProbePlan.of(classes, new Purpose.AloneThenRest(victim, rest.size()))
                .goingOnPastMemoryErrors();
    }
}
