package dev.memprobe.merge;

import dev.memprobe.bisect.Verdict;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportBuilder;
import dev.memprobe.shard.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code memprobe:merge} without Maven: the reports of the shards of one run ({@code memprobe.shard=i/n}) become one
 * report, as if one job had searched the whole suite.
 *
 * <p>Culprits, findings, classes and probes are the union, in shard order; probes are numbered again from 1 and every
 * reference to a probe (a culprit's {@code probes}, a class's {@code probe}) follows, and each probe's notes say which
 * probe of which shard it was. The verdict is recomputed: any culprit, {@code culprits-found}; else any inconclusive
 * shard, {@code inconclusive}; else {@code no-culprit}. Totals are summed ({@code wallMs} too: machine time, not the
 * time the run took). Settings are the shards' own, with {@code shard} set to {@code merged n shards}; the environment
 * is the first shard's.
 *
 * <p>Reports are refused, every problem listed, when they are not shards of one run: made with different limits or
 * search settings, for another project or by another memprobe version, the same shard twice, shards of different
 * counts, or a class in two shards.
 */
public final class ReportMerge {

    private ReportMerge() {}

    /** A report and where it came from, for messages ({@code shard-2/report.json}). */
    public record Source(String label, Report report) {}

    /** The merged report and what the reader should know about it (missing shards, settings that differ). */
    public record Merged(Report report, List<String> notes) {
        public Merged {
            notes = List.copyOf(notes);
        }
    }

    /** The reports cannot be merged; the message lists every reason, one a line. */
    public static final class MergeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MergeException(String message) {
            super(message);
        }
    }

    /**
     * Merges shard reports.
     *
     * @param generatedAt the merged report's {@code generatedAt}
     * @throws MergeException listing every reason the reports are not the shards of one run
     */
    public static Merged merge(List<Source> sources, String generatedAt) {
        if (sources.isEmpty()) {
            throw new MergeException("there are no reports to merge");
        }
        ShardRun run = ShardRun.of(sources);
        return new Merged(union(run, generatedAt), run.notes());
    }

    private static Report union(ShardRun run, String generatedAt) {
        List<Source> ordered = run.ordered();
        List<String> problems = new ArrayList<>();
        List<Report.CulpritEntry> culprits = new ArrayList<>();
        List<Report.FindingEntry> findings = new ArrayList<>();
        List<Report.ClassEntry> classes = new ArrayList<>();
        List<Report.ProbeEntry> probes = new ArrayList<>();
        Map<String, Long> ranking = new HashMap<>();
        int classesInSet = 0;
        long forkMs = 0;
        long wallMs = 0;
        boolean inconclusive = false;
        for (Source s : ordered) {
            Report r = s.report();
            Shard shard = run.shards().get(s);
            Map<Integer, Integer> renumber = new HashMap<>();
            for (Report.ProbeEntry p : r.probes()) {
                int id = probes.size() + 1;
                renumber.put(p.id(), id);
                List<String> notes = new ArrayList<>(p.notes());
                notes.add("probe " + p.id() + " of shard " + shard);
                probes.add(new Report.ProbeEntry(
                        id,
                        p.purpose(),
                        p.classes(),
                        p.outcome(),
                        p.cause(),
                        p.exitCode(),
                        p.inFlight(),
                        p.method(),
                        p.evidence(),
                        p.wallMs(),
                        p.setupMs(),
                        p.bootMs(),
                        notes,
                        p.recorded()));
            }
            for (Report.CulpritEntry c : r.culprits()) {
                List<Integer> ids = new ArrayList<>();
                for (int old : c.probes()) {
                    ids.add(probe(renumber, old, s, "culprit " + c.victim(), problems));
                }
                culprits.add(new Report.CulpritEntry(
                                c.kind(),
                                c.classes(),
                                c.victim(),
                                c.polluters(),
                                c.retainedBytes(),
                                c.cause(),
                                c.memory(),
                                c.exitCode(),
                                c.method(),
                                c.evidence(),
                                c.reproduced(),
                                c.attempts(),
                                ids,
                                c.advice())
                        .withRetainers(c.retainers()));
            }
            findings.addAll(r.findings());
            for (Report.ClassEntry c : r.classes()) {
                classes.add(new Report.ClassEntry(
                        c.name(),
                        c.outcome(),
                        c.tests(),
                        c.failures(),
                        c.errors(),
                        c.skipped(),
                        c.durationMs(),
                        c.heapPeakBytes(),
                        c.liveHeapPeakBytes(),
                        c.liveHeapMinBytes(),
                        c.retainedBytes(),
                        c.heapEndBytes(),
                        c.rssPeakBytes(),
                        c.directPeakBytes(),
                        c.metaspacePeakBytes(),
                        c.threadsPeak(),
                        c.allocatedBytes(),
                        c.gcCount(),
                        probe(renumber, c.probe(), s, "class " + c.name(), problems),
                        c.problem(),
                        c.fork(),
                        c.own(),
                        c.methods()));
            }
            r.ranking().forEach(e -> ranking.merge(e.name(), e.retainedBytes(), Math::max));
            inconclusive |= r.verdict().equals(Verdict.INCONCLUSIVE.id());
            classesInSet += r.totals().classesInSet();
            forkMs += r.totals().forkMs();
            wallMs += r.totals().wallMs();
        }
        if (!problems.isEmpty()) {
            throw refuse(ordered, problems);
        }
        Report first = ordered.get(0).report();
        String verdict = !culprits.isEmpty()
                ? Verdict.CULPRITS_FOUND.id()
                : inconclusive ? Verdict.INCONCLUSIVE.id() : Verdict.NO_CULPRIT.id();
        Report.Settings s = first.settings();
        Report.Settings settings = new Report.Settings(
                s.maxHeapBytes(),
                s.memoryLimitBytes(),
                s.forkTimeoutMs(),
                s.strategy(),
                s.batchSize(),
                s.failFast(),
                s.confirmRuns(),
                s.maxProbes(),
                s.parallelProbes(),
                s.testFile(),
                run.describe(),
                s.argLine(),
                s.runOrder(),
                s.runnerMemoryBytes(),
                s.exactRetained(),
                s.stopOnGcOverhead());
        List<Report.RankEntry> ranked = ranking.entrySet().stream()
                .map(e -> new Report.RankEntry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Report.RankEntry::retainedBytes)
                        .reversed()
                        .thenComparing(Report.RankEntry::name))
                .toList();
        return new Report(
                Report.SCHEMA_VERSION,
                first.toolVersion(),
                generatedAt,
                first.project(),
                verdict,
                ReportBuilder.summary(verdict, culprits, findings, settings, classes.size()),
                culprits,
                findings,
                classes,
                probes,
                ranked,
                settings,
                first.environment(),
                new Report.Totals(classesInSet, classes.size(), probes.size(), forkMs, wallMs));
    }

    private static int probe(Map<Integer, Integer> renumber, int old, Source s, String what, List<String> problems) {
        Integer id = renumber.get(old);
        if (id == null) {
            problems.add(s.label() + ": " + what + " refers to probe " + old + ", which is not in its probes; the"
                    + " report is damaged: make it again");
            return old;
        }
        return id;
    }

    static MergeException refuse(List<Source> sources, List<String> problems) {
        return new MergeException("memprobe cannot merge these " + sources.size() + " reports ("
                + sources.stream().map(Source::label).collect(Collectors.joining(", ")) + "):\n  - "
                + String.join("\n  - ", problems));
    }
}
