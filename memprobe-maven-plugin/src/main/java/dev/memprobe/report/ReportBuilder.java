package dev.memprobe.report;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Culprit;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Purpose;
import dev.memprobe.bisect.SearchResult;
import dev.memprobe.bisect.Verdict;
import dev.memprobe.retain.Retainers;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns what the search found into a {@link Report}. */
public final class ReportBuilder {

    private ReportBuilder() {}

    public static Report build(
            SearchResult result,
            String project,
            String toolVersion,
            String generatedAt,
            Report.Settings settings,
            Report.EnvironmentInfo environment,
            int classesInSet,
            long wallMs) {
        return build(result, project, toolVersion, generatedAt, settings, environment, classesInSet, wallMs, Map.of());
    }

    /** @param retainers what holds each culprit's memory, read from its heap dumps; a culprit not in it has none */
    public static Report build(
            SearchResult result,
            String project,
            String toolVersion,
            String generatedAt,
            Report.Settings settings,
            Report.EnvironmentInfo environment,
            int classesInSet,
            long wallMs,
            Map<Culprit, List<Retainers>> retainers) {
        List<Report.CulpritEntry> culprits = new ArrayList<>();
        for (Culprit c : result.culprits()) {
            Map<String, Long> retained = new LinkedHashMap<>(c.retained());
            culprits.add(new Report.CulpritEntry(
                    c.kind().id(),
                    c.classes(),
                    c.victim(),
                    c.polluters(),
                    retained,
                    c.cause().id(),
                    c.isMemory(),
                    c.exitCode(),
                    c.method(),
                    EvidenceText.of(c.evidence()),
                    c.reproduced(),
                    c.attempts(),
                    c.probes(),
                    Advice.forCulprit(c),
                    retainers.getOrDefault(c, List.of())));
        }
        List<Report.FindingEntry> findings = result.findings().stream()
                .map(f -> new Report.FindingEntry(f.kind().id(), FindingText.of(f), f.classes()))
                .toList();
        Map<String, Report.ClassEntry> classes = new LinkedHashMap<>();
        long forkMs = 0;
        List<Report.ProbeEntry> probes = new ArrayList<>();
        for (ForkResult probe : result.probes()) {
            forkMs += probe.wallMs();
            List<Report.Own> own = OwnFigures.of(probe.classes());
            for (int i = 0; i < probe.classes().size(); i++) {
                ClassRun run = probe.classes().get(i);
                if (!classes.containsKey(run.name())) {
                    classes.put(
                            run.name(),
                            classEntry(run, probe.probe().id()).withOwn(own.get(i), OwnFigures.methods(run.measure())));
                }
            }
            probes.add(probeEntry(probe));
        }
        List<Report.ClassEntry> ordered = new ArrayList<>();
        for (String name : result.order()) {
            Report.ClassEntry entry = classes.remove(name);
            if (entry != null) {
                ordered.add(entry);
            }
        }
        ordered.addAll(classes.values());
        List<Report.RankEntry> ranking = result.ranking().stream()
                .map(s -> new Report.RankEntry(s.className(), s.retained()))
                .toList();
        int classesRun = ordered.size();
        return new Report(
                Report.SCHEMA_VERSION,
                toolVersion,
                generatedAt,
                project,
                result.verdict().id(),
                summary(result.verdict().id(), culprits, findings, settings, classesRun),
                culprits,
                findings,
                ordered,
                probes,
                ranking,
                settings,
                environment,
                new Report.Totals(classesInSet, classesRun, probes.size(), forkMs, wallMs));
    }

    /**
     * A class's entry with the fork's levels while it ran. The heap peak is the sum of the pools' peaks, which can
     * pass the max heap (each pool peaked at another time): it is capped there, since no heap ever held more.
     */
    static Report.ClassEntry classEntry(ClassRun run, int probe) {
        Measure m = run.measure();
        long retained = m.retained() >= 0 ? m.retained() : -1;
        long heapPeak = m.heapPeak() >= 0 && m.heapMax() > 0 ? Math.min(m.heapPeak(), m.heapMax()) : m.heapPeak();
        return new Report.ClassEntry(
                run.name(),
                run.outcome().id(),
                run.tests(),
                run.failures(),
                run.errors(),
                run.skipped(),
                m.durationMs(),
                heapPeak,
                m.liveMax(),
                m.liveMin(),
                retained,
                m.heapEnd(),
                m.rssPeak(),
                m.directPeak(),
                m.metaspacePeak(),
                m.threadsPeak(),
                m.allocated(),
                m.gcCount(),
                probe,
                run.problem());
    }

    private static Report.ProbeEntry probeEntry(ForkResult probe) {
        var failure = probe.failure();
        String outcome = probe.death() != null ? "died" : failure.isPresent() ? "memory-error" : "completed";
        return new Report.ProbeEntry(
                probe.probe().id(),
                PurposeText.of(probe.probe().purpose()),
                // a probe in Surefire's order ran its classes as the fork planned them, not as they were asked for
                probe.probe().surefireOrder() && !probe.planned().isEmpty()
                        ? probe.planned()
                        : probe.probe().classes(),
                outcome,
                failure.map(f -> f.cause().id()).orElse(null),
                failure.map(f -> f.exitCode()).orElse(null),
                failure.map(f -> f.victim()).orElse(null),
                failure.map(f -> f.method()).orElse(null),
                failure.map(f -> f.evidence()).orElse(null),
                probe.wallMs(),
                probe.fork() == null ? -1 : probe.fork().setupMs(),
                probe.fork() == null ? -1 : probe.fork().bootMs(),
                probe.notes(),
                probe.probe().purpose() instanceof Purpose.Recorded);
    }

    /** The one-sentence {@code summary} of a report, from its verdict and entries. */
    public static String summary(
            String verdict,
            List<Report.CulpritEntry> culprits,
            List<Report.FindingEntry> findings,
            Report.Settings settings,
            int classesRun) {
        if (verdict.equals(Verdict.CULPRITS_FOUND.id())) {
            String list = culprits.stream().map(ReportBuilder::describe).collect(Collectors.joining("; "));
            int n = culprits.size();
            return (n == 1 ? "1 culprit: " : n + " culprits: ") + list;
        }
        if (verdict.equals(Verdict.NO_CULPRIT.id())) {
            return "No memory failure: all " + classesRun + " classes ran"
                    + (settings.maxHeapBytes() > 0 ? " under -Xmx" + Size.toJvm(settings.maxHeapBytes()) : "")
                    + (settings.memoryLimitBytes() > 0
                            ? " and a memory limit of " + Size.format(settings.memoryLimitBytes())
                            : "")
                    + ".";
        }
        Report.FindingEntry first = findings.isEmpty() ? null : findings.get(0);
        return first == null ? "Inconclusive." : "Inconclusive: " + first.message();
    }

    /** A culprit in a few words: "com.acme.ImportTest (single, heap-oom)". */
    public static String describe(Report.CulpritEntry c) {
        String cause = c.cause();
        return switch (c.kind()) {
            case "cumulative" ->
                c.victim() + " after "
                        + c.polluters().stream().map(ReportText::simple).collect(Collectors.joining(" + "))
                        + " (cumulative, " + cause + ")";
            case "intermittent" ->
                c.victim() + " (intermittent, " + cause + ", " + c.reproduced() + " of " + c.attempts() + " runs)";
            default -> c.victim() + " (" + c.kind() + ", " + cause + ")";
        };
    }
}
