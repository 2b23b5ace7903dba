package dev.memprobe.report;

import static dev.memprobe.names.ClassNames.simple;
import static dev.memprobe.report.Phrases.amount;
import static dev.memprobe.report.Phrases.classes;
import static dev.memprobe.report.Phrases.failure;
import static dev.memprobe.report.Phrases.peak;
import static dev.memprobe.report.Phrases.peakClause;

import dev.memprobe.bisect.Evidence;
import dev.memprobe.units.Size;
import java.util.List;
import java.util.stream.Collectors;

/** The sentences of a verdict's evidence, as {@code report.json} has them: one per fact, with its numbers. */
public final class EvidenceText {

    /** Histogram rows a "left behind" sentence names. */
    private static final int HISTOGRAM_ROWS = 3;

    private EvidenceText() {}

    public static List<String> of(List<Evidence> evidence) {
        return evidence.stream().map(EvidenceText::of).toList();
    }

    public static String of(Evidence evidence) {
        if (evidence instanceof Evidence.DiesAlone e) {
            return "dies alone: " + failure(e.failure()) + peakClause(e.peak());
        }
        if (evidence instanceof Evidence.RanInSuite e) {
            return "in probe " + e.probe() + " it was class " + e.position() + " to run"
                    + (e.forkDied() ? " when the fork died" : "; the fork went on after its memory error");
        }
        if (evidence instanceof Evidence.SurvivesAlone e) {
            return simple(e.victim()) + " survives alone" + peak(e.peak());
        }
        if (evidence instanceof Evidence.DiesAfter e) {
            String left = e.polluters().stream()
                    .map(p -> simple(p.className()) + " (left "
                            + amount(p.left(), e.failure().cause().resource()) + " behind)")
                    .collect(Collectors.joining(", "));
            return "after " + left + " it dies: " + failure(e.failure());
        }
        if (evidence instanceof Evidence.PollutersFound e) {
            String took = " found in " + e.probes() + (e.probes() == 1 ? " probe" : " probes");
            return e.polluters() == 1
                    ? "polluter" + took + "; without it " + simple(e.victim()) + " survives"
                    : "polluters" + took + "; removing any one of them lets " + simple(e.victim()) + " survive";
        }
        if (evidence instanceof Evidence.DiedInFork e) {
            return (e.first() ? "died first in its fork: " : "died in its fork: ") + failure(e.failure());
        }
        if (evidence instanceof Evidence.NotAgain e) {
            return e.before() == 0
                    ? "did not die when run alone again"
                    : "did not die alone, nor after the same " + classes(e.before()) + " run again";
        }
        if (evidence instanceof Evidence.LeftBehind e) {
            return simple(e.className()) + " left behind: "
                    + e.rows().stream()
                            .limit(HISTOGRAM_ROWS)
                            .map(row -> row.type() + " +" + Size.format(row.growth()))
                            .collect(Collectors.joining(", "));
        }
        if (evidence instanceof Evidence.KeptExactly e) {
            return "measured exactly in the confirmation run (after full collections): "
                    + e.polluters().stream()
                            .map(p -> simple(p.className()) + " keeps " + Size.format(p.left()))
                            .collect(Collectors.joining(", "));
        }
        if (evidence instanceof Evidence.Unconfirmed) {
            return "not confirmed: memprobe.maxProbes ran out";
        }
        if (evidence instanceof Evidence.Intermittent e) {
            return "reproduced in " + e.reproduced() + " of " + e.attempts() + " runs: intermittent";
        }
        throw new IllegalArgumentException("no words for " + evidence);
    }
}
