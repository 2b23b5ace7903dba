package dev.memprobe.record;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Growth;
import dev.memprobe.bisect.SearchResult;
import dev.memprobe.bisect.Verdict;
import dev.memprobe.names.ClassNames;
import dev.memprobe.report.ForkPlan;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportBuilder;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recording as a {@code report.json} of the usual schema, so that {@code memprobe:check}, the step summary and the
 * metrics work on it: {@code settings.strategy} {@code record}, a probe per recorded fork ({@code recorded}), a class
 * entry per class with the fork that ran it, no culprit (a recording sees deaths; only a bisect proves a culprit),
 * and the post-mortem's facts as findings.
 */
public final class RecordingReport {

    /** The strategy a recording's report names. */
    public static final String STRATEGY = "record";

    private RecordingReport() {}

    /**
     * @param runnerMemory the CI machine's memory for the fork plan ({@code memprobe.runnerMemory}), -1 for the
     *     container's limit when there is one
     */
    public static Report build(
            List<RecordingAnalysis> analyses,
            String project,
            String toolVersion,
            String generatedAt,
            Report.EnvironmentInfo environment,
            long runnerMemory,
            long wallMs) {
        List<ForkResult> probes = new ArrayList<>();
        Map<Integer, String> forkOf = new HashMap<>();
        Set<String> order = new LinkedHashSet<>();
        Set<String> inSet = new LinkedHashSet<>();
        List<Growth.Score> ranking = List.of();
        boolean failed = false;
        long maxHeap = -1;
        int forks = 0;
        long limit = -1;
        for (RecordingAnalysis analysis : analyses) {
            for (RecordedFork fork : analysis.forks()) {
                probes.add(fork.result());
                forkOf.put(fork.result().probe().id(), fork.name().fork());
                if (fork.result().fork() != null && fork.result().fork().maxHeap() > 0) {
                    maxHeap = Math.max(maxHeap, fork.result().fork().maxHeap());
                }
                forks = Math.max(forks, number(fork.name().fork()));
            }
            order.addAll(analysis.classesRun());
            inSet.addAll(analysis.classesRun());
            inSet.addAll(analysis.notRun());
            inSet.addAll(analysis.execution().testClasses());
            if (ranking.isEmpty() && !analysis.suspects().isEmpty()) {
                ranking = analysis.suspects();
            }
            failed |= analysis.failed();
            if (analysis.execution().container() != null
                    && analysis.execution().container().limitBytes() > 0) {
                limit = analysis.execution().container().limitBytes();
            }
        }
        Verdict verdict = failed ? Verdict.INCONCLUSIVE : Verdict.NO_CULPRIT;
        SearchResult result = new SearchResult(verdict, List.of(), List.of(), probes, List.copyOf(order), ranking);
        Report.Settings settings = new Report.Settings(
                maxHeap,
                -1,
                -1,
                STRATEGY,
                0,
                false,
                0,
                0,
                Math.max(1, forks),
                null,
                null,
                null,
                null,
                runnerMemory > 0 ? runnerMemory : limit,
                false,
                false); // a recording only reports a fork past saving: memprobe stops none of the project's forks
        Report built = ReportBuilder.build(
                result, project, toolVersion, generatedAt, settings, environment, inSet.size(), wallMs);
        List<Report.ClassEntry> classes = new ArrayList<>();
        for (Report.ClassEntry entry : built.classes()) {
            classes.add(entry.inFork(forkOf.get(entry.probe())));
        }
        Report withClasses = copy(built, built.summary(), built.findings(), classes);
        List<Report.FindingEntry> findings = new ArrayList<>();
        for (RecordingAnalysis analysis : analyses) {
            findings.addAll(findings(analysis, withClasses));
        }
        String summary = ReportBuilder.summary(verdict.id(), List.of(), findings, settings, classes.size());
        return copy(withClasses, summary, findings, classes);
    }

    /** The post-mortem's facts of one execution, as findings. */
    static List<Report.FindingEntry> findings(RecordingAnalysis analysis, Report report) {
        List<Report.FindingEntry> findings = new ArrayList<>();
        String label = analysis.execution().label();
        if (!analysis.execution().endedInMaven()) {
            findings.add(new Report.FindingEntry(
                    "maven-ended-first",
                    "Maven did not see " + label + " end (was the Maven JVM killed?): this is what its journals say",
                    List.of()));
        }
        for (RecordedFork fork : analysis.deaths()) {
            Death death = fork.result().death();
            findings.add(new Report.FindingEntry(
                    "recorded-death",
                    "fork " + fork.name().fork() + " of " + label + " " + PostMortem.died(fork),
                    death.inFlightClass() == null ? List.of() : List.of(death.inFlightClass())));
        }
        if (!analysis.notRun().isEmpty()) {
            findings.add(new Report.FindingEntry(
                    "not-run",
                    analysis.notRun().size() + " classes of " + label + " never ran: the death left them unrun",
                    analysis.notRun()));
        }
        for (ClassRun run : analysis.memoryErrors()) {
            findings.add(new Report.FindingEntry(
                    "memory-error",
                    run.name() + " failed of memory (" + run.problem() + ") and its fork went on",
                    List.of(run.name())));
        }
        if (!analysis.suspects().isEmpty()) {
            findings.add(new Report.FindingEntry(
                    "suspects",
                    PostMortem.suspects(analysis),
                    analysis.suspects().stream().map(Growth.Score::className).toList()));
        }
        if (analysis.together() != null) {
            findings.add(new Report.FindingEntry(
                    "container-limit",
                    PostMortem.together(analysis.together())
                            + ForkPlan.of(report).map(p -> "; " + p.summary()).orElse(""),
                    List.of()));
        }
        if (analysis.listenerOff()) {
            findings.add(new Report.FindingEntry("listener-off", PostMortem.listenerOff(analysis), List.of()));
        }
        if (analysis.approximate()) {
            findings.add(new Report.FindingEntry(
                    "parallel-approximate",
                    label + " runs its tests in parallel: classes overlapped, so per-class numbers are approximate",
                    List.of()));
        }
        return findings;
    }

    private static Report copy(
            Report r, String summary, List<Report.FindingEntry> findings, List<Report.ClassEntry> classes) {
        return new Report(
                r.schemaVersion(),
                r.toolVersion(),
                r.generatedAt(),
                r.project(),
                r.verdict(),
                summary,
                r.culprits(),
                findings,
                classes,
                r.probes(),
                r.ranking(),
                r.settings(),
                r.environment(),
                r.totals());
    }

    /** The fork plan of a recording's report, when it names a runner's memory. */
    public static Optional<ForkPlan> plan(Report report) {
        return ForkPlan.of(report);
    }

    private static int number(String fork) {
        try {
            return Integer.parseInt(fork);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "12 MiB" for the post-mortem. */
    static String size(long bytes) {
        return Size.format(bytes);
    }

    static String simple(String className) {
        return ClassNames.simple(className);
    }
}
