package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The state of one search, whatever its strategy: the culprits and findings so far, the probes it may still spend,
 * the confirmation of each verdict, and the suite's order and ranking for the report. Strategies ({@link Search})
 * and the {@link Diagnosis} of a failure read and add to it; {@link #result()} is what the search found.
 */
final class Investigation {

    private final BisectRequest request;
    private final Probes probes;
    private final PolluterSearch.Guidance guidance;
    private final Confirmation confirmation;
    private final FixedSuite fixed = new FixedSuite();
    private final List<Culprit> culprits = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private List<String> order;
    private List<Growth.Score> ranking = List.of();
    private boolean failureSeen;

    Investigation(BisectRequest request, Probes probes, PolluterSearch.Guidance guidance) {
        this.request = request;
        this.probes = probes;
        this.guidance = guidance;
        this.confirmation = new Confirmation(probes, request.confirmRuns());
        this.order = request.classes();
        this.fixed.order(order);
    }

    BisectRequest request() {
        return request;
    }

    /** A search for the polluters of one victim, spending this investigation's probes. */
    PolluterSearch polluterSearch() {
        return new PolluterSearch(probes, request.maxPolluters(), guidance);
    }

    /** Starts a probe; empty when maxProbes is spent. */
    Optional<Probes.Pending> start(ProbePlan plan) {
        return probes.start(plan);
    }

    /** Runs a probe and waits for it; empty when maxProbes is spent. */
    Optional<ForkResult> run(ProbePlan plan) {
        return probes.run(plan);
    }

    /** Whether probes may run at the same time. */
    boolean parallel() {
        return probes.parallel();
    }

    /**
     * A probe of (part of) the suite as CI runs it: it goes on past the memory errors it survives, so that one fork
     * answers for all its classes, unless failFast wants the first failure only.
     */
    ProbePlan suitePart(List<String> classes, Purpose purpose) {
        ProbePlan plan = ProbePlan.of(classes, purpose);
        return request.failFast() ? plan : plan.goingOnPastMemoryErrors();
    }

    /**
     * Starts {@code count} independent probes at once when probes run in parallel and failFast is off (failFast
     * wants them one at a time, to stop after the first culprit); empty otherwise, and the caller starts each when
     * it needs it. Probes started ahead run in Surefire's order (as they always have: for a single class it is the
     * same).
     */
    List<Optional<Probes.Pending>> startAhead(int count, IntFunction<ProbePlan> plan) {
        List<Optional<Probes.Pending>> started = new ArrayList<>();
        if (probes.parallel() && !request.failFast()) {
            for (int i = 0; i < count; i++) {
                started.add(probes.start(plan.apply(i).inSurefireOrder()));
            }
        }
        return started;
    }

    /** The classes in CI's order, as the first fork planned them. */
    void ciOrder(List<String> planned) {
        this.order = planned;
        this.fixed.order(planned);
    }

    /** The suite with the culprits found so far fixed. */
    FixedSuite fixed() {
        return fixed;
    }

    /** A fork failed: the search can no longer say there was no memory failure. */
    void failureSeen() {
        failureSeen = true;
    }

    /** The classes by what they left behind, for the report (the last search's). */
    void ranking(List<Growth.Score> scores) {
        this.ranking = scores;
    }

    /** Whether failFast is satisfied: a culprit is found and the search stops. */
    boolean satisfied() {
        return request.failFast() && !culprits.isEmpty();
    }

    /**
     * Confirms the verdict and adds it; when maxProbes ran out first, it stands unconfirmed and the budget is a
     * finding.
     */
    Culprit confirmed(Culprit culprit) {
        Culprit confirmed = confirmation.confirm(culprit);
        if (confirmation.ranOut()) {
            budgetSpent(new Finding.Budget(request.maxProbes(), Finding.Budget.Stage.CONFIRMATION, culprit.victim()));
        }
        culprits.add(confirmed);
        return confirmed;
    }

    /** Adds a verdict that needs no confirmation runs (one that did not reproduce is intermittent already). */
    Culprit unconfirmed(Culprit culprit) {
        culprits.add(culprit);
        return culprit;
    }

    void finding(Finding finding) {
        findings.add(finding);
    }

    /** Records that maxProbes ran out at this stage; only the first time, which says best where the search stood. */
    void budgetSpent(Finding.Budget.Stage stage, String className) {
        budgetSpent(new Finding.Budget(request.maxProbes(), stage, className));
    }

    /** Records that maxProbes ran out; only the first time, which says best where the search stood. */
    void budgetSpent(Finding finding) {
        if (findings.stream().noneMatch(f -> f.kind() == Finding.Kind.BUDGET)) {
            findings.add(finding);
        }
    }

    SearchResult result() {
        Verdict verdict;
        if (!culprits.isEmpty()) {
            verdict = Verdict.CULPRITS_FOUND;
        } else if (failureSeen || !findings.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
        } else {
            verdict = Verdict.NO_CULPRIT;
        }
        return new SearchResult(verdict, culprits, findings, probes.results(), order, ranking);
    }
}
