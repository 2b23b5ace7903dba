package dev.memprobe.bisect;

import dev.memprobe.config.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The search: decides which ordered subset of classes to run next, runs it through a {@link ForkRunner}, and turns
 * the fork results into culprits. Pure Java: no Maven, no processes; tests drive it with a scripted fake runner.
 */
public final class BisectEngine {

    private final ForkRunner runner;
    private final ProgressListener listener;

    public BisectEngine(ForkRunner runner, ProgressListener listener) {
        this.runner = runner;
        this.listener = listener;
    }

    public SearchResult run(BisectRequest request) {
        Search search = new Search(request, new Probes(runner, request.maxProbes(), listener));
        switch (request.strategy()) {
            case BISECT -> search.bisect();
            case BATCHES -> search.batches();
            case ISOLATED -> search.isolated();
        }
        return search.result();
    }

    /** The state of one search. */
    private static final class Search {
        private final BisectRequest request;
        private final Probes probes;
        private final List<Culprit> culprits = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private List<String> order;
        private List<Growth.Score> ranking = List.of();
        private boolean failureSeen;

        Search(BisectRequest request, Probes probes) {
            this.request = request;
            this.probes = probes;
            this.order = request.classes();
        }

        void bisect() {
            List<String> pending = request.classes();
            boolean first = true;
            while (!pending.isEmpty()) {
                String purpose =
                        first ? "whole suite, " + count(pending) + " in CI order" : count(pending) + " not yet run";
                Optional<ForkResult> run = probes.run(pending, purpose, first, Set.of());
                if (run.isEmpty()) {
                    budgetSpent("before every class had run");
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
                    diedOutsideClass(result, failure.get());
                    return;
                }
                investigate(result, failure.get(), result.startedBefore(victim));
                if (request.failFast() && !culprits.isEmpty()) {
                    return;
                }
                pending = result.notFinished(victim);
            }
        }

        void batches() {
            List<String> classes = request.classes();
            int batches = (classes.size() + request.batchSize() - 1) / request.batchSize();
            for (int b = 0; b < batches; b++) {
                List<String> batch = classes.subList(
                        b * request.batchSize(), Math.min(classes.size(), (b + 1) * request.batchSize()));
                Optional<ForkResult> run = probes.run(batch, "batch " + (b + 1) + "/" + batches, true, Set.of());
                if (run.isEmpty()) {
                    budgetSpent("before every batch had run");
                    return;
                }
                Optional<Failure> failure = run.get().failure();
                if (failure.isEmpty()) {
                    continue;
                }
                failureSeen = true;
                String victim = failure.get().victim();
                if (victim == null) {
                    diedOutsideClass(run.get(), failure.get());
                    continue;
                }
                boolean single = false;
                Optional<ForkResult> victimAlone = Optional.empty();
                for (String member : batch) { // every member: those after the victim never ran in the batch
                    Optional<ForkResult> alone = probes.run(List.of(member), "does " + simple(member) + " die alone?");
                    if (alone.isEmpty()) {
                        budgetSpent("while running batch members alone");
                        return;
                    }
                    if (member.equals(victim)) {
                        victimAlone = alone;
                    }
                    Optional<Failure> died = alone.get().failure();
                    if (died.isPresent() && member.equals(died.get().victim())) {
                        single = true;
                        confirm(single(alone.get(), died.get(), null));
                        if (request.failFast()) {
                            return;
                        }
                    }
                }
                if (!single && victimAlone.isPresent()) {
                    if (failure.get().cause() == Cause.TERMINATED) {
                        externalSignal(failure.get());
                    } else {
                        survivedAlone(run.get(), failure.get(), run.get().startedBefore(victim), victimAlone.get());
                    }
                }
                if (request.failFast() && !culprits.isEmpty()) {
                    return;
                }
            }
        }

        void isolated() {
            List<String> classes = request.classes();
            for (int i = 0; i < classes.size(); i++) {
                Optional<Boolean> died = aloneDies(classes.get(i), "alone " + (i + 1) + "/" + classes.size());
                if (died.isEmpty()) {
                    budgetSpent("before every class had run alone");
                    return;
                }
                if (died.get() && request.failFast()) {
                    return;
                }
            }
        }

        /** Runs a class alone; a death makes it a single culprit. Empty when the budget is spent. */
        private Optional<Boolean> aloneDies(String className, String purpose) {
            Optional<ForkResult> run = probes.run(List.of(className), purpose, false, Set.of());
            if (run.isEmpty()) {
                return Optional.empty();
            }
            Optional<Failure> failure = run.get().failure();
            if (failure.isEmpty()) {
                return Optional.of(false);
            }
            failureSeen = true;
            if (failure.get().victim() == null) {
                diedOutsideClass(run.get(), failure.get());
                return Optional.of(false);
            }
            confirm(single(run.get(), failure.get(), null));
            return Optional.of(true);
        }

        /** A class died in a fork: is it a hog, a victim of polluters, or neither? */
        private void investigate(ForkResult result, Failure failure, List<String> prefix) {
            String victim = failure.victim();
            if (failure.cause() == Cause.TERMINATED) {
                externalSignal(failure);
                return;
            }
            Optional<ForkResult> alone = probes.run(List.of(victim), "does " + simple(victim) + " die alone?");
            if (alone.isEmpty()) {
                budgetSpent("before " + victim + " could be run alone");
                return;
            }
            Optional<Failure> aloneFailure = alone.get().failure();
            if (aloneFailure.isPresent() && victim.equals(aloneFailure.get().victim())) {
                confirm(single(alone.get(), aloneFailure.get(), result));
                return;
            }
            survivedAlone(result, failure, prefix, alone.get());
        }

        /** The class in flight survives alone: a fork timeout means a slow suite, anything else has polluters. */
        private void survivedAlone(ForkResult result, Failure failure, List<String> prefix, ForkResult alone) {
            String victim = failure.victim();
            if (failure.cause() == Cause.TIMEOUT) {
                findings.add(new Finding(
                        Finding.SLOW_SUITE,
                        "The fork ran out of time while " + victim + " ran, but " + victim
                                + " finishes alone in " + millis(alone.wallMs())
                                + ": the suite as a whole takes longer than memprobe.forkTimeout.",
                        List.of(victim)));
                return;
            }
            searchPolluters(result, failure, prefix, alone);
        }

        private void externalSignal(Failure failure) {
            findings.add(new Finding(
                    Finding.EXTERNAL_SIGNAL,
                    "The fork was stopped by a SIGTERM from outside memprobe (exit " + failure.exitCode() + ") while "
                            + failure.victim() + " ran; memprobe cannot reproduce a signal it did not send.",
                    failure.victim() == null ? List.of() : List.of(failure.victim())));
        }

        private void searchPolluters(ForkResult result, Failure failure, List<String> prefix, ForkResult alone) {
            String victim = failure.victim();
            if (prefix.isEmpty()) {
                culprits.add(new Culprit(
                        Culprit.Kind.INTERMITTENT,
                        victim,
                        List.of(),
                        Map.of(),
                        failure.cause(),
                        failure.exitCode(),
                        failure.method(),
                        List.of("died first in its fork: " + describe(failure), "did not die when run alone again"),
                        1,
                        2,
                        List.of(result.probe().id(), alone.probe().id())));
                return;
            }
            List<Growth.Score> scores = Growth.rank(result, victim, failure.cause());
            long deficit = deficit(result, alone, victim, failure.cause());
            PolluterSearch.Result found =
                    new PolluterSearch(probes, request.maxPolluters()).search(prefix, victim, failure, scores, deficit);
            List<Integer> probeIds = new ArrayList<>();
            probeIds.add(result.probe().id());
            probeIds.add(alone.probe().id());
            probeIds.addAll(found.probeIds());
            switch (found.status()) {
                case FOUND -> {
                    Map<String, Long> retained = new LinkedHashMap<>();
                    List<String> evidence = new ArrayList<>();
                    evidence.add(simple(victim) + " survives alone" + peakNote(alone, victim, failure.cause()));
                    StringBuilder after = new StringBuilder("after ");
                    for (String polluter : found.polluters()) {
                        long bytes = scores.stream()
                                .filter(s -> s.className().equals(polluter))
                                .mapToLong(Growth.Score::retained)
                                .findFirst()
                                .orElse(0);
                        retained.put(polluter, bytes);
                        if (after.length() > "after ".length()) {
                            after.append(", ");
                        }
                        after.append(simple(polluter)).append(" (left ").append(amount(bytes, failure.cause()));
                        after.append(" behind)");
                    }
                    evidence.add(after + " it dies: " + describe(failure));
                    evidence.add("polluters found in " + found.probeIds().size() + " probes; removing any one of"
                            + " them lets " + simple(victim) + " survive");
                    confirm(new Culprit(
                            Culprit.Kind.CUMULATIVE,
                            victim,
                            found.polluters(),
                            retained,
                            failure.cause(),
                            failure.exitCode(),
                            failure.method(),
                            evidence,
                            1,
                            1,
                            probeIds));
                }
                case NOT_REPRODUCED ->
                    culprits.add(new Culprit(
                            Culprit.Kind.INTERMITTENT,
                            victim,
                            List.of(),
                            Map.of(),
                            failure.cause(),
                            failure.exitCode(),
                            failure.method(),
                            List.of(
                                    "died in its fork: " + describe(failure),
                                    "did not die alone, nor after the same " + count(prefix) + " run again"),
                            1,
                            3,
                            probeIds));
                case TOO_MANY -> {
                    ranking = scores;
                    findings.add(new Finding(
                            Finding.NO_SMALL_SET,
                            "Memory adds up across many classes: " + simple(victim) + " dies ("
                                    + describe(failure) + ") only after "
                                    + found.polluters().size()
                                    + " or more earlier classes; no set of at most " + request.maxPolluters()
                                    + " reproduces it. The classes that left most behind lead the ranking.",
                            topNames(scores, 10)));
                }
                case BUDGET -> {
                    ranking = scores;
                    findings.add(new Finding(
                            Finding.BUDGET,
                            "memprobe.maxProbes (" + request.maxProbes() + ") ran out while searching what kills "
                                    + simple(victim) + " (" + describe(failure) + "); the polluters are among these "
                                    + count(found.polluters()) + ". Raise memprobe.maxProbes to narrow it down.",
                            found.polluters()));
                }
            }
        }

        /** Re-runs a verdict {@code confirmRuns} times, diffing the culprits' histograms; demotes what does not repeat. */
        private void confirm(Culprit culprit) {
            int reproduced = culprit.reproduced();
            int attempts = culprit.attempts();
            List<Integer> probeIds = new ArrayList<>(culprit.probes());
            List<String> evidence = new ArrayList<>(culprit.evidence());
            Failure expected =
                    new Failure(culprit.victim(), culprit.method(), culprit.cause(), culprit.exitCode(), null);
            for (int i = 0; i < request.confirmRuns(); i++) {
                Optional<ForkResult> run = probes.run(
                        culprit.classes(),
                        "confirm " + simple(culprit.victim()) + " (" + (i + 1) + "/" + request.confirmRuns() + ")",
                        false,
                        Set.copyOf(culprit.classes()));
                if (run.isEmpty()) {
                    evidence.add("not confirmed: memprobe.maxProbes ran out");
                    break;
                }
                attempts++;
                probeIds.add(run.get().probe().id());
                if (run.get().failure().map(expected::sameAs).orElse(false)) {
                    reproduced++;
                }
                if (i == 0) {
                    evidence.addAll(histogramEvidence(run.get(), culprit));
                }
            }
            Culprit.Kind kind = reproduced < attempts ? Culprit.Kind.INTERMITTENT : culprit.kind();
            if (kind == Culprit.Kind.INTERMITTENT && culprit.kind() != Culprit.Kind.INTERMITTENT) {
                evidence.add("reproduced in " + reproduced + " of " + attempts + " runs: intermittent");
            }
            culprits.add(new Culprit(
                    kind,
                    culprit.victim(),
                    culprit.polluters(),
                    culprit.retained(),
                    culprit.cause(),
                    culprit.exitCode(),
                    culprit.method(),
                    evidence,
                    reproduced,
                    attempts,
                    probeIds));
        }

        private static List<String> histogramEvidence(ForkResult run, Culprit culprit) {
            List<String> lines = new ArrayList<>();
            for (String name : culprit.classes()) {
                run.run(name).ifPresent(r -> {
                    List<Measure.HistogramRow> rows = r.measure().histogram();
                    if (!rows.isEmpty()) {
                        StringBuilder line = new StringBuilder(simple(name)).append(" left behind: ");
                        for (int i = 0; i < Math.min(3, rows.size()); i++) {
                            Measure.HistogramRow row = rows.get(i);
                            if (i > 0) {
                                line.append(", ");
                            }
                            line.append(row.type()).append(" +").append(Size.format(row.growth()));
                        }
                        lines.add(line.toString());
                    }
                });
            }
            return lines;
        }

        private Culprit single(ForkResult alone, Failure failure, ForkResult suiteRun) {
            List<String> evidence = new ArrayList<>();
            evidence.add("dies alone: " + describe(failure) + peakNote(alone, failure.victim(), failure.cause()));
            List<Integer> probeIds = new ArrayList<>();
            if (suiteRun != null) {
                probeIds.add(suiteRun.probe().id());
                int before = suiteRun.startedBefore(failure.victim()).size();
                evidence.add("in the suite it was class " + (before + 1) + " to run when the fork died");
            }
            probeIds.add(alone.probe().id());
            return new Culprit(
                    Culprit.Kind.SINGLE,
                    failure.victim(),
                    List.of(),
                    Map.of(),
                    failure.cause(),
                    failure.exitCode(),
                    failure.method(),
                    evidence,
                    1,
                    1,
                    probeIds);
        }

        private void diedOutsideClass(ForkResult result, Failure failure) {
            findings.add(new Finding(
                    Finding.OUTSIDE_CLASS,
                    "The fork died while no test class was running (" + describe(failure)
                            + "): before the first class, between classes or after the last. Check the argLine, "
                            + "memprobe.maxHeap and the fork's output in "
                            + "target/memprobe/probes/probe-" + result.probe().id() + ".",
                    List.of()));
        }

        private void budgetSpent(String when) {
            findings.add(new Finding(
                    Finding.BUDGET,
                    "memprobe.maxProbes (" + request.maxProbes() + ") ran out " + when
                            + ". Raise memprobe.maxProbes, or narrow the set with memprobe.testFile.",
                    List.of()));
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

        private static long deficit(ForkResult failing, ForkResult alone, String victim, Cause cause) {
            ToLongFunction<Measure> metric = metric(cause);
            long inSuite = failing.run(victim)
                    .map(r -> metric.applyAsLong(r.measure()))
                    .orElse(-1L);
            long own =
                    alone.run(victim).map(r -> metric.applyAsLong(r.measure())).orElse(-1L);
            return inSuite >= 0 && own >= 0 ? inSuite - own : -1;
        }

        private static ToLongFunction<Measure> metric(Cause cause) {
            return switch (cause) {
                case DIRECT_OOM -> Measure::directPeak;
                case THREAD_OOM -> Measure::threadsPeak;
                case METASPACE_OOM -> Measure::metaspacePeak;
                case MEMORY_LIMIT, KILLED -> Measure::rssPeak;
                default -> Measure::heapPeak;
            };
        }

        private static String peakNote(ForkResult run, String victim, Cause cause) {
            Optional<ClassRun> classRun = run.run(victim);
            if (classRun.isEmpty()) {
                return "";
            }
            Measure m = classRun.get().measure();
            return switch (cause) {
                case MEMORY_LIMIT, KILLED -> m.rssPeak() >= 0 ? " (RSS peak " + Size.format(m.rssPeak()) + ")" : "";
                case DIRECT_OOM ->
                    m.directPeak() >= 0 ? " (direct buffers peak " + Size.format(m.directPeak()) + ")" : "";
                case THREAD_OOM -> m.threadsPeak() >= 0 ? " (" + m.threadsPeak() + " live threads at peak)" : "";
                case METASPACE_OOM ->
                    m.metaspacePeak() >= 0 ? " (metaspace peak " + Size.format(m.metaspacePeak()) + ")" : "";
                default ->
                    m.heapPeak() >= 0
                            ? " (heap peak " + Size.format(m.heapPeak())
                                    + (m.heapMax() > 0 ? " of " + Size.format(m.heapMax()) + " max" : "") + ")"
                            : "";
            };
        }

        private static String amount(long value, Cause cause) {
            return cause == Cause.THREAD_OOM ? value + " threads" : Size.format(value);
        }

        static String describe(Failure failure) {
            StringBuilder text = new StringBuilder(failure.cause().description());
            if (failure.method() != null) {
                text.append(" in ").append(simple(failure.victim())).append('#').append(failure.method());
            }
            if (failure.evidence() != null && !failure.evidence().isBlank()) {
                text.append(" (").append(failure.evidence()).append(')');
            }
            return text.toString();
        }

        private static List<String> topNames(List<Growth.Score> scores, int n) {
            return scores.stream().limit(n).map(Growth.Score::className).toList();
        }

        private static String count(List<String> classes) {
            return classes.size() == 1 ? "1 class" : classes.size() + " classes";
        }

        private static String millis(long ms) {
            return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }

        static String simple(String className) {
            return PolluterSearch.simple(className);
        }
    }
}
