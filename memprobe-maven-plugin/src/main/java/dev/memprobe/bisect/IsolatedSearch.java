package dev.memprobe.bisect;

import java.util.List;
import java.util.Optional;

/**
 * {@link Strategy#ISOLATED}: one fork per class, in order (all started at once when probes run in parallel and
 * failFast is off); a class that dies alone is a single culprit.
 */
final class IsolatedSearch implements Search {

    private final Investigation investigation;
    private final Diagnosis diagnosis;
    private final List<String> classes;

    IsolatedSearch(Investigation investigation) {
        this.investigation = investigation;
        this.diagnosis = new Diagnosis(investigation);
        this.classes = investigation.request().classes();
    }

    @Override
    public void run() {
        List<Optional<Probes.Pending>> ahead = investigation.startAhead(classes.size(), this::alone);
        for (int i = 0; i < classes.size(); i++) {
            Optional<Probes.Pending> probe = ahead.isEmpty() ? investigation.start(alone(i)) : ahead.get(i);
            if (probe.isEmpty()) {
                investigation.budgetSpent(Finding.Budget.Stage.ISOLATED, null);
                return;
            }
            ForkResult run = probe.get().get();
            Optional<Failure> failure = run.failure();
            if (failure.isEmpty()) {
                continue;
            }
            investigation.failureSeen();
            if (failure.get().victim() == null) {
                investigation.finding(
                        new Finding.OutsideClass(failure.get(), run.probe().id()));
                continue;
            }
            diagnosis.hog(run, failure.get(), null);
            if (investigation.satisfied()) {
                return;
            }
        }
    }

    private ProbePlan alone(int i) {
        return ProbePlan.of(List.of(classes.get(i)), new Purpose.Isolated(i + 1, classes.size()));
    }
}
