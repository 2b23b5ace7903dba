package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a verdict's classes again until it has been seen {@code confirmRuns} times beyond the run that found it (a
 * single hog that died the same way in the suite's fork and alone has been seen once more already), diffing the
 * polluters' and victim's live-object histograms on the first run of a cumulative verdict; that run also asks for the
 * heap dumps that say what holds the memory, unless the probe of a hog alone wrote its dump already. A verdict that does not
 * reproduce every time is demoted to {@link Culprit.Kind#INTERMITTENT}, with its polluters and the count of runs that
 * did reproduce it: never dropped. When {@code maxProbes} runs out the verdict stands on the runs it had, and says so.
 */
final class Confirmation {

    private final Probes probes;
    private final int confirmRuns;
    private boolean ranOut;

    Confirmation(Probes probes, int confirmRuns) {
        this.probes = probes;
        this.confirmRuns = confirmRuns;
    }

    /** Whether maxProbes ran out before a confirmation run. */
    boolean ranOut() {
        return ranOut;
    }

    Culprit confirm(Culprit culprit) {
        int reproduced = culprit.reproduced();
        int attempts = culprit.attempts();
        List<Integer> probeIds = new ArrayList<>(culprit.probes());
        List<Evidence> evidence = new ArrayList<>(culprit.evidence());
        Map<String, Long> retained = new LinkedHashMap<>(culprit.retained());
        // the cause and the class, not the words: a crash for want of native memory is seen again only as a crash
        Failure expected = culprit.failure().withoutEvidence();
        // what polluters leave behind is what a histogram shows; a hog's trouble is its peak, and a hog that dies
        // never reaches the histogram after it, while the one before costs the fork JMX's start (about 0.4 s)
        Set<String> histograms = culprit.kind() == Culprit.Kind.SINGLE ? Set.of() : Set.copyOf(culprit.classes());
        int more = Math.max(0, confirmRuns - (attempts - 1));
        Retention retention = culprit.retention();
        // at most one dump per culprit: the first run asks for it, unless the probe of a hog alone wrote it
        DumpRequest dumps = retention.isEmpty() ? dumpsOf(culprit) : DumpRequest.NONE;
        List<Optional<Probes.Pending>> runs = new ArrayList<>();
        for (int i = 0; i < more; i++) { // independent runs: in parallel when probes may be
            Purpose purpose = new Purpose.Confirm(culprit.victim(), i + 1, more);
            ProbePlan plan = ProbePlan.of(culprit.classes(), purpose).withHistograms(histograms);
            runs.add(probes.start(i == 0 ? plan.withHeapDumps(dumps) : plan));
        }
        for (int i = 0; i < more; i++) {
            Optional<ForkResult> run = runs.get(i).map(Probes.Pending::get);
            if (run.isEmpty()) {
                evidence.add(new Evidence.Unconfirmed());
                ranOut = true;
                break;
            }
            attempts++;
            probeIds.add(run.get().probe().id());
            if (run.get().failure().map(expected::sameAs).orElse(false)) {
                reproduced++;
            }
            if (i == 0) {
                evidence.addAll(leftBehind(run.get(), culprit.classes()));
                // the full collections measure the heap: a death of metaspace, threads or RSS keeps its own numbers
                if (culprit.cause().resource() == Resource.HEAP) {
                    exactRetained(run.get(), culprit.polluters(), retained, evidence);
                }
                if (!dumps.isEmpty()) {
                    retention = run.get().retention();
                }
            }
        }
        Culprit.Kind kind = reproduced < attempts ? Culprit.Kind.INTERMITTENT : culprit.kind();
        if (kind != culprit.kind()) {
            evidence.add(new Evidence.Intermittent(reproduced, attempts));
        }
        return new Culprit(
                kind,
                culprit.failure(),
                culprit.polluters(),
                retained,
                evidence,
                reproduced,
                attempts,
                probeIds,
                retention);
    }

    /** The dumps that say what holds a verdict's memory: a hog's at its error, polluters' after each of them. */
    private static DumpRequest dumpsOf(Culprit culprit) {
        DumpRequest dumps = switch (culprit.kind()) {
            case SINGLE -> DumpRequest.onErrorOf(culprit.victim());
            case CUMULATIVE -> DumpRequest.atEndOf(culprit.polluters());
            case INTERMITTENT -> DumpRequest.NONE;
        };
        // the recording's RSS would bring a death of the memory limit nearer: not there
        return dumps.isEmpty() ? dumps : dumps.withThreadStarts(culprit.cause().resource() != Resource.RSS);
    }

    /** What the class's confirmation run says it left behind, by object type (for each class that has a diff). */
    private static List<Evidence> leftBehind(ForkResult run, List<String> classes) {
        List<Evidence> found = new ArrayList<>();
        for (String name : classes) {
            List<Measure.HistogramRow> rows =
                    run.run(name).map(r -> r.measure().histogram()).orElse(List.of());
            if (!rows.isEmpty()) {
                found.add(new Evidence.LeftBehind(name, rows));
            }
        }
        return found;
    }

    /**
     * A confirmation run takes a live-object histogram before and after each culprit class, each after a full
     * collection: the heap around a polluter's two is what it kept, exactly. Replaces the estimate of the failing
     * fork (read from collections that happened to run) where the confirmation measured it.
     */
    private static void exactRetained(
            ForkResult run, List<String> polluters, Map<String, Long> retained, List<Evidence> evidence) {
        List<Evidence.Polluter> kept = new ArrayList<>();
        for (String polluter : polluters) {
            Optional<Measure> measure = run.run(polluter).map(ClassRun::measure);
            if (measure.isPresent()
                    && measure.get().retained() >= 0
                    && measure.get().liveBefore() >= 0) {
                long bytes =
                        Math.max(0, measure.get().retained() - measure.get().liveBefore());
                retained.put(polluter, bytes);
                kept.add(new Evidence.Polluter(polluter, bytes));
            }
        }
        if (!kept.isEmpty()) {
            evidence.add(new Evidence.KeptExactly(kept));
        }
    }
}
