package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Strategy#BATCHES}: fixed-size batches in order; every class of a failing batch alone; the batch's victim, if
 * it survives alone, diagnosed like any failure that has polluters.
 */
final class BatchesSearch implements Search {

    private final Investigation investigation;
    private final Diagnosis diagnosis;
    private final List<String> classes;
    private final int size;
    private final int batches;

    BatchesSearch(Investigation investigation) {
        this.investigation = investigation;
        this.diagnosis = new Diagnosis(investigation);
        this.classes = investigation.request().classes();
        this.size = investigation.request().batchSize();
        this.batches = (classes.size() + size - 1) / size;
    }

    @Override
    public void run() {
        List<Optional<Probes.Pending>> ahead = investigation.startAhead(batches, this::batch);
        for (int b = 0; b < batches; b++) {
            Optional<ForkResult> run =
                    ahead.isEmpty() ? investigation.run(batch(b)) : ahead.get(b).map(Probes.Pending::get);
            if (run.isEmpty()) {
                investigation.budgetSpent(Finding.Budget.Stage.BATCHES, null);
                return;
            }
            Optional<Failure> failure = run.get().failure();
            if (failure.isEmpty()) {
                continue;
            }
            investigation.failureSeen();
            if (!eachAlone(run.get(), failure.get()) || investigation.satisfied()) {
                return;
            }
        }
    }

    /** Batch {@code b} (0-based), in Surefire's order. */
    private ProbePlan batch(int b) {
        List<String> members = classes.subList(b * size, Math.min(classes.size(), (b + 1) * size));
        return ProbePlan.of(members, new Purpose.Batch(b + 1, batches)).inSurefireOrder();
    }

    /**
     * Runs every class of a failing batch alone, in the batch's run order, those after the victim included (the fork
     * never reached them). The victim, if it survives alone, is diagnosed like a cumulative failure whatever the
     * other classes turn out to be. False when the search must stop (budget spent, or failFast satisfied).
     */
    private boolean eachAlone(ForkResult batchRun, Failure failure) {
        String victim = failure.victim();
        if (victim == null) {
            investigation.finding(
                    new Finding.OutsideClass(failure, batchRun.probe().id()));
            return true;
        }
        if (!failure.cause().reproducible()) {
            investigation.finding(new Finding.ExternalSignal(failure));
            return true;
        }
        List<String> members = runOrder(batchRun);
        List<Optional<Probes.Pending>> ahead =
                investigation.startAhead(members.size(), i -> Diagnosis.aloneProbe(members.get(i)));
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            Optional<ForkResult> alone = ahead.isEmpty()
                    ? investigation.run(Diagnosis.aloneProbe(member))
                    : ahead.get(i).map(Probes.Pending::get);
            if (alone.isEmpty()) {
                investigation.budgetSpent(Finding.Budget.Stage.BATCH_MEMBERS, null);
                return false;
            }
            Optional<Failure> died = alone.get().failure();
            if (died.isPresent() && member.equals(died.get().victim())) {
                diagnosis.hog(alone.get(), died.get(), member.equals(victim) ? batchRun : null);
            } else if (member.equals(victim)) {
                diagnosis.survivedAlone(batchRun, failure, alone.get());
            }
            if (investigation.satisfied()) {
                return false;
            }
        }
        return true;
    }

    /** The fork's run order (its plan where it wrote one), keeping only the classes the probe asked for. */
    private static List<String> runOrder(ForkResult run) {
        if (run.planned().isEmpty()) {
            return run.probe().classes();
        }
        Set<String> requested = new HashSet<>(run.probe().classes());
        List<String> ordered = new ArrayList<>(run.planned());
        ordered.removeIf(name -> !requested.contains(name));
        return ordered;
    }
}
