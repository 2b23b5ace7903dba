package dev.memprobe.bisect;

import static dev.memprobe.bisect.Evidence.count;
import static dev.memprobe.bisect.Evidence.simple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/** The state of one search: the strategies, and what a failing class turns out to be. */
final class Search {

    private final BisectRequest request;
    private final Probes probes;
    private final PolluterSearch.Guidance guidance;
    private final Confirmation confirmation;
    private final List<Culprit> culprits = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private List<String> order;
    private List<Growth.Score> ranking = List.of();
    private boolean failureSeen;

    Search(BisectRequest request, Probes probes, PolluterSearch.Guidance guidance) {
        this.request = request;
        this.probes = probes;
        this.guidance = guidance;
        this.confirmation = new Confirmation(probes, request.confirmRuns());
        this.order = request.classes();
    }

    /** The whole set in CI order; each failure investigated; then on with the classes the failing fork never ran. */
    void bisect() {
        List<String> pending = request.classes();
        boolean first = true;
        while (!pending.isEmpty()) {
            String purpose =
                    first ? "whole suite, " + count(pending) + " in CI order" : count(pending) + " not yet run";
            Optional<ForkResult> run = probes.run(pending, purpose, first, Set.of());
            if (run.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "before every class had run"));
                return;
            }
            ForkResult result = run.get();
            if (first && !result.planned().isEmpty()) {
                order = result.planned();
            }
            first = false;
            Optional<Failure> failure = result.failure();
            if (failure.isEmpty()) {
                return;
            }
            failureSeen = true;
            String victim = failure.get().victim();
            if (victim == null) {
                findings.add(Findings.outsideClass(result, failure.get()));
                return;
            }
            investigate(result, failure.get());
            if (request.failFast() && !culprits.isEmpty()) {
                return;
            }
            pending = result.notFinished(victim);
        }
    }

    /** Fixed-size batches in order; every class of a failing batch alone; the batch's victim investigated. */
    void batches() {
        List<String> classes = request.classes();
        int size = request.batchSize();
        int batches = (classes.size() + size - 1) / size;
        for (int b = 0; b < batches; b++) {
            List<String> batch = classes.subList(b * size, Math.min(classes.size(), (b + 1) * size));
            Optional<ForkResult> run = probes.run(batch, "batch " + (b + 1) + "/" + batches, true, Set.of());
            if (run.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "before every batch had run"));
                return;
            }
            Optional<Failure> failure = run.get().failure();
            if (failure.isEmpty()) {
                continue;
            }
            failureSeen = true;
            if (!eachAlone(run.get(), failure.get()) || (request.failFast() && !culprits.isEmpty())) {
                return;
            }
        }
    }

    /**
     * Runs every class of a failing batch alone, in the batch's run order, those after the victim included (the fork
     * never reached them). The victim, if it survives alone, is investigated like a cumulative failure whatever the
     * other classes turn out to be. False when the search must stop (budget spent, or failFast satisfied).
     */
    private boolean eachAlone(ForkResult batchRun, Failure failure) {
        String victim = failure.victim();
        if (victim == null) {
            findings.add(Findings.outsideClass(batchRun, failure));
            return true;
        }
        if (failure.cause() == Cause.TERMINATED) {
            findings.add(Findings.externalSignal(failure));
            return true;
        }
        for (String member : runOrder(batchRun)) {
            Optional<ForkResult> alone = probes.run(List.of(member), "does " + simple(member) + " die alone?");
            if (alone.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "while running batch members alone"));
                return false;
            }
            Optional<Failure> died = alone.get().failure();
            if (died.isPresent() && member.equals(died.get().victim())) {
                culprits.add(confirmation.confirm(
                        Culprits.single(alone.get(), died.get(), member.equals(victim) ? batchRun : null)));
            } else if (member.equals(victim)) {
                survivedAlone(batchRun, failure, alone.get());
            }
            if (request.failFast() && !culprits.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** One fork per class, in order. */
    void isolated() {
        List<String> classes = request.classes();
        for (int i = 0; i < classes.size(); i++) {
            String name = classes.get(i);
            Optional<ForkResult> run = probes.run(List.of(name), "alone " + (i + 1) + "/" + classes.size());
            if (run.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "before every class had run alone"));
                return;
            }
            Optional<Failure> failure = run.get().failure();
            if (failure.isEmpty()) {
                continue;
            }
            failureSeen = true;
            if (failure.get().victim() == null) {
                findings.add(Findings.outsideClass(run.get(), failure.get()));
                continue;
            }
            culprits.add(confirmation.confirm(Culprits.single(run.get(), failure.get(), null)));
            if (request.failFast()) {
                return;
            }
        }
    }

    /** A class died in a fork: is it a hog, a victim of polluters, or neither? */
    private void investigate(ForkResult result, Failure failure) {
        String victim = failure.victim();
        if (failure.cause() == Cause.TERMINATED) {
            findings.add(Findings.externalSignal(failure));
            return;
        }
        Optional<ForkResult> alone = probes.run(List.of(victim), "does " + simple(victim) + " die alone?");
        if (alone.isEmpty()) {
            budgetSpent(Findings.budget(request.maxProbes(), "before " + victim + " could be run alone"));
            return;
        }
        Optional<Failure> aloneFailure = alone.get().failure();
        if (aloneFailure.isPresent() && aloneFailure.get().victim() == null) {
            findings.add(Findings.outsideClass(alone.get(), aloneFailure.get()));
            return;
        }
        if (aloneFailure.isPresent() && victim.equals(aloneFailure.get().victim())) {
            culprits.add(confirmation.confirm(Culprits.single(alone.get(), aloneFailure.get(), result)));
            return;
        }
        survivedAlone(result, failure, alone.get());
    }

    /** The class in flight survives alone: a fork timeout means a slow suite, anything else has polluters. */
    private void survivedAlone(ForkResult result, Failure failure, ForkResult alone) {
        if (failure.cause() == Cause.TIMEOUT) {
            findings.add(Findings.slowSuite(failure.victim(), alone));
            return;
        }
        String victim = failure.victim();
        List<String> prefix = result.startedBefore(victim);
        if (prefix.isEmpty()) {
            culprits.add(Culprits.notReproduced(result, alone, failure, prefix, List.of()));
            return;
        }
        List<Growth.Score> scores = Growth.rank(result, victim, failure.cause());
        long deficit = deficit(result, alone, victim, failure.cause());
        PolluterSearch.Result found =
                new PolluterSearch(probes, request.maxPolluters(), guidance).search(prefix, failure, scores, deficit);
        switch (found.status()) {
            case FOUND ->
                culprits.add(confirmation.confirm(Culprits.cumulative(result, alone, failure, found, scores)));
            case NOT_REPRODUCED ->
                culprits.add(Culprits.notReproduced(result, alone, failure, prefix, found.probeIds()));
            case TOO_MANY -> {
                ranking = scores;
                findings.add(Findings.noSmallSet(failure, found.atLeast(), request.maxPolluters(), scores));
            }
            case BUDGET -> {
                ranking = scores;
                budgetSpent(Findings.budgetInSearch(request.maxProbes(), failure, found.polluters()));
            }
        }
    }

    /** Records that maxProbes ran out; only the first time, which says best where the search stood. */
    private void budgetSpent(Finding finding) {
        if (findings.stream().noneMatch(f -> f.kind().equals(Finding.BUDGET))) {
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

    /** How much more the victim used in the failing fork than alone, by the measure of the cause; -1 if unknown. */
    private static long deficit(ForkResult failing, ForkResult alone, String victim, Cause cause) {
        ToLongFunction<Measure> metric = Evidence.peakMetric(cause);
        long inSuite =
                failing.run(victim).map(r -> metric.applyAsLong(r.measure())).orElse(-1L);
        long own = alone.run(victim).map(r -> metric.applyAsLong(r.measure())).orElse(-1L);
        return inSuite >= 0 && own >= 0 ? inSuite - own : -1;
    }
}
