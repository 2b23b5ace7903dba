package dev.memprobe.bisect;

import static dev.memprobe.bisect.Evidence.count;
import static dev.memprobe.config.ClassNames.simple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
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

    /**
     * The whole set in CI order, in a fork that goes on past memory errors it survives (unless failFast); each failure
     * investigated in turn; then on with the classes the fork did not finish. Past a hog the fork ran the rest as it
     * would have without it; past any other failure, later failures in it may be the earlier one's doing (memory
     * that polluters keep stays), so the classes after it run again in a fresh fork. Classes that passed in it pass
     * in a fresh fork too: memory only adds up. When probes run in parallel, the rest of
     * the suite starts at once, beside the failing class's own questions; one at a time, the rest follows the failing
     * class in the fork that asks whether it dies alone (it runs first, so alone as far as its question goes).
     */
    void bisect() {
        boolean stop = request.failFast();
        List<String> pending = request.classes();
        Optional<ForkResult> run = probes.start(
                        pending, "whole suite, " + count(pending) + " in CI order", true, Set.of(), stop)
                .map(Probes.Pending::get);
        String answered = null; // a class run first in this fork to see whether it dies alone, already investigated
        while (true) {
            if (run.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "before every class had run"));
                return;
            }
            ForkResult result = run.get();
            if (result.probe().id() == 1 && !result.planned().isEmpty()) {
                order = result.planned();
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
                run = probes.start(left, count(left) + " not yet run", false, Set.of(), stop)
                        .map(Probes.Pending::get);
                continue;
            }
            failureSeen = true;
            Optional<Probes.Pending> ahead = Optional.empty();
            List<String> rest = List.of();
            for (int k = 0; k < failures.size(); k++) {
                Failure failure = failures.get(k);
                String victim = failure.victim();
                if (victim == null) {
                    findings.add(Findings.outsideClass(result, failure));
                    return;
                }
                boolean last = k == failures.size() - 1;
                rest = last ? result.notFinished(victim) : List.of();
                int before = culprits.size();
                // one at a time, the classes not yet run follow the class in the same fork: it runs first, so it runs
                // alone as far as its own question goes, and a JVM start is saved (not past a timeout: the fork's
                // clock would count both)
                boolean together = !rest.isEmpty()
                        && !stop
                        && !probes.parallel()
                        && failure.cause() != Cause.TIMEOUT
                        && failure.cause() != Cause.TERMINATED;
                Optional<Probes.Pending> alone;
                if (failure.cause() == Cause.TERMINATED) {
                    alone = Optional.empty();
                } else if (together) {
                    List<String> classes = new ArrayList<>();
                    classes.add(victim);
                    classes.addAll(rest);
                    alone = probes.start(
                            classes,
                            "does " + simple(victim) + " die alone? then the " + count(rest) + " not yet run",
                            false,
                            Set.of(),
                            false);
                    ahead = alone;
                    answered = victim;
                } else {
                    alone = probes.start(List.of(victim), "does " + simple(victim) + " die alone?");
                }
                if (probes.parallel() && !stop && !rest.isEmpty()) {
                    ahead = probes.start(rest, count(rest) + " not yet run", false, Set.of(), stop);
                }
                investigate(result, failure, alone);
                if (stop && !culprits.isEmpty()) {
                    return;
                }
                boolean hog = culprits.size() > before
                        && culprits.get(culprits.size() - 1).kind() == Culprit.Kind.SINGLE;
                if (!last && !hog) {
                    // the fork went on with memory that others keep, or after a death nobody explained: a later
                    // failure in it may be theirs, not its own; the classes after this one run again in a fresh fork
                    rest = result.after(victim);
                    break;
                }
            }
            if (rest.isEmpty()) {
                return;
            }
            run = ahead.isPresent()
                    ? Optional.of(ahead.get().get())
                    : probes.start(rest, count(rest) + " not yet run", false, Set.of(), stop)
                            .map(Probes.Pending::get);
        }
    }

    /** Fixed-size batches in order; every class of a failing batch alone; the batch's victim investigated. */
    void batches() {
        List<String> classes = request.classes();
        int size = request.batchSize();
        int batches = (classes.size() + size - 1) / size;
        IntFunction<List<String>> batch = b -> classes.subList(b * size, Math.min(classes.size(), (b + 1) * size));
        IntFunction<String> purpose = b -> "batch " + (b + 1) + "/" + batches;
        List<Optional<Probes.Pending>> ahead = startAhead(batches, batch, purpose);
        for (int b = 0; b < batches; b++) {
            Optional<ForkResult> run = ahead.isEmpty()
                    ? probes.run(batch.apply(b), purpose.apply(b), true, Set.of())
                    : ahead.get(b).map(Probes.Pending::get);
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
        List<String> members = runOrder(batchRun);
        IntFunction<String> purpose = i -> "does " + simple(members.get(i)) + " die alone?";
        List<Optional<Probes.Pending>> ahead = startAhead(members.size(), i -> List.of(members.get(i)), purpose);
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            Optional<ForkResult> alone = ahead.isEmpty()
                    ? probes.run(List.of(member), purpose.apply(i))
                    : ahead.get(i).map(Probes.Pending::get);
            if (alone.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "while running batch members alone"));
                return false;
            }
            Optional<Failure> died = alone.get().failure();
            if (died.isPresent() && member.equals(died.get().victim())) {
                culprits.add(
                        confirmed(Culprits.single(alone.get(), died.get(), member.equals(victim) ? batchRun : null)));
            } else if (member.equals(victim)) {
                survivedAlone(batchRun, failure, alone.get());
            }
            if (request.failFast() && !culprits.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** One fork per class, in order (all started at once when probes run in parallel and failFast is off). */
    void isolated() {
        List<String> classes = request.classes();
        List<Optional<Probes.Pending>> ahead = startAhead(
                classes.size(), i -> List.of(classes.get(i)), i -> "alone " + (i + 1) + "/" + classes.size());
        for (int i = 0; i < classes.size(); i++) {
            Optional<Probes.Pending> probe = ahead.isEmpty()
                    ? probes.start(List.of(classes.get(i)), "alone " + (i + 1) + "/" + classes.size())
                    : ahead.get(i);
            if (probe.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "before every class had run alone"));
                return;
            }
            ForkResult run = probe.get().get();
            Optional<Failure> failure = run.failure();
            if (failure.isEmpty()) {
                continue;
            }
            failureSeen = true;
            if (failure.get().victim() == null) {
                findings.add(Findings.outsideClass(run, failure.get()));
                continue;
            }
            culprits.add(confirmed(Culprits.single(run, failure.get(), null)));
            if (request.failFast()) {
                return;
            }
        }
    }

    /**
     * A class died in a fork: is it a hog, a victim of polluters, or neither?
     *
     * @param alone the probe of the class alone, already started (empty for a signal from outside, or when the
     *     budget was spent)
     */
    private void investigate(ForkResult result, Failure failure, Optional<Probes.Pending> alone) {
        String victim = failure.victim();
        if (failure.cause() == Cause.TERMINATED) {
            findings.add(Findings.externalSignal(failure));
            return;
        }
        if (alone.isEmpty()) {
            budgetSpent(Findings.budget(request.maxProbes(), "before " + victim + " could be run alone"));
            return;
        }
        ForkResult aloneRun = alone.get().get();
        if (aloneRun.probe().classes().size() > 1) { // the class first, then the classes not yet run
            Optional<ForkResult> first = aloneRun.asFirst(victim);
            Optional<ForkResult> own =
                    first.isPresent() ? first : probes.run(List.of(victim), "does " + simple(victim) + " die alone?");
            if (own.isEmpty()) {
                budgetSpent(Findings.budget(request.maxProbes(), "before " + victim + " could be run alone"));
                return;
            }
            aloneRun = own.get();
        }
        Optional<Failure> aloneFailure = aloneRun.failure();
        if (aloneFailure.isPresent() && aloneFailure.get().victim() == null) {
            findings.add(Findings.outsideClass(aloneRun, aloneFailure.get()));
            return;
        }
        if (aloneFailure.isPresent() && victim.equals(aloneFailure.get().victim())) {
            culprits.add(confirmed(Culprits.single(aloneRun, aloneFailure.get(), result)));
            return;
        }
        survivedAlone(result, failure, aloneRun);
    }

    /** The class in flight survives alone: a fork timeout means a slow suite, anything else has polluters. */
    private void survivedAlone(ForkResult result, Failure failure, ForkResult alone) {
        if (failure.cause() == Cause.TIMEOUT) {
            findings.add(Findings.slowSuite(failure.victim(), alone));
            return;
        }
        String victim = failure.victim();
        // classes that failed of memory earlier in a fork that went on: their memory was given back
        List<String> prefix = new ArrayList<>(result.startedBefore(victim));
        for (Failure earlier : result.failures()) {
            prefix.remove(earlier.victim());
        }
        if (prefix.isEmpty()) {
            culprits.add(Culprits.notReproduced(result, alone, failure, prefix, List.of()));
            return;
        }
        List<Growth.Score> scores = Growth.rank(result, victim, failure.cause());
        long deficit = deficit(result, alone, victim, failure.cause());
        PolluterSearch.Result found =
                new PolluterSearch(probes, request.maxPolluters(), guidance).search(prefix, failure, scores, deficit);
        switch (found.status()) {
            case FOUND -> culprits.add(confirmed(Culprits.cumulative(result, alone, failure, found, scores)));
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

    /**
     * Starts {@code count} independent probes at once when probes run in parallel and failFast is off (failFast
     * wants them one at a time, to stop after the first culprit); empty otherwise, and the caller starts each when
     * it needs it.
     */
    private List<Optional<Probes.Pending>> startAhead(
            int count, IntFunction<List<String>> classes, IntFunction<String> purpose) {
        List<Optional<Probes.Pending>> started = new ArrayList<>();
        if (probes.parallel() && !request.failFast()) {
            for (int i = 0; i < count; i++) {
                started.add(probes.start(classes.apply(i), purpose.apply(i), true, Set.of()));
            }
        }
        return started;
    }

    /** The culprit confirmed; when maxProbes ran out first, it stands unconfirmed and the budget is a finding. */
    private Culprit confirmed(Culprit culprit) {
        Culprit confirmed = confirmation.confirm(culprit);
        if (confirmation.ranOut()) {
            budgetSpent(Findings.budget(
                    request.maxProbes(), "before " + simple(culprit.victim()) + "'s verdict could be confirmed"));
        }
        return confirmed;
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

    /**
     * How much more the victim used in the failing fork than alone, by the measure of the cause; -1 if unknown. The
     * heap's peak is the sum of its pools' peaks, which need not come at the same moment and can pass the maximum
     * heap: in the failing fork it is read as at most the maximum, all the victim could have had.
     */
    static long deficit(ForkResult failing, ForkResult alone, String victim, Cause cause) {
        ToLongFunction<Measure> metric = Evidence.peakMetric(cause);
        long inSuite = failing.run(victim)
                .map(ClassRun::measure)
                .map(m -> Evidence.heapCause(cause) && m.heapMax() > 0
                        ? Math.min(m.heapPeak(), m.heapMax())
                        : metric.applyAsLong(m))
                .orElse(-1L);
        long own = alone.run(victim).map(r -> metric.applyAsLong(r.measure())).orElse(-1L);
        return inSuite >= 0 && own >= 0 ? inSuite - own : -1;
    }
}
