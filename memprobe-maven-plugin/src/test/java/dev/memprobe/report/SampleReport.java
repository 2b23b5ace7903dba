package dev.memprobe.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Report}s for tests, the one way tests make one: plausible values everywhere, the few that a test is
 * about set by name. {@link SampleReports} holds the reports the writers' tests share, built with it.
 *
 * <p>Unless set: the forks' wall time is the sum of the probes' and the run's is 3 s more; without a probe, the
 * report has one that ran every class and completed.
 */
public final class SampleReport {

    public static final long MIB = 1L << 20;

    private String project = "com.acme:shop";
    private String toolVersion = "0.1.0-SNAPSHOT";
    private String generatedAt = "2026-11-28T10:00:00Z";
    private String verdict = "no-culprit";
    private String summary;
    private long maxHeap = 256 * MIB;
    private long memoryLimit = -1;
    private long forkTimeout = -1;
    private String strategy = "bisect";
    private int batchSize = 3;
    private int confirmRuns = 1;
    private String argLine = null;
    private String testFile = null;
    private String shard = null;
    private boolean exactRetained = false;
    private Report.Settings settings;
    private Report.EnvironmentInfo environment = new Report.EnvironmentInfo(
            "17.0.12 (Eclipse Adoptium)",
            "17.0.12 (Eclipse Adoptium)",
            "Linux 6.1 amd64",
            4,
            16L << 30,
            -1,
            "v2",
            4L << 30,
            "3.6.1",
            "3.9.11");
    private final List<Report.CulpritEntry> culprits = new ArrayList<>();
    private final List<Report.FindingEntry> findings = new ArrayList<>();
    private final List<Report.ClassEntry> classes = new ArrayList<>();
    private List<Report.ProbeEntry> probes;
    private final List<Report.RankEntry> ranking = new ArrayList<>();
    private long wallMs = -1;
    private Report.Totals totals;

    private SampleReport() {}

    public static SampleReport report() {
        return new SampleReport();
    }

    /** A class that passed, with its live heap peak, RSS peak and heap peak in MiB ({@code -1}: not measured). */
    public static Report.ClassEntry measured(String name, long liveMiB, long rssMiB, long heapPeakMiB, int probe) {
        return new Report.ClassEntry(
                name,
                "passed",
                3,
                0,
                0,
                0,
                1200,
                mib(heapPeakMiB),
                mib(liveMiB),
                liveMiB < 0 ? -1 : mib(liveMiB) / 2,
                -1,
                mib(heapPeakMiB) / 2,
                mib(rssMiB),
                0,
                40 * MIB,
                18,
                300 * MIB,
                liveMiB < 0 ? 0 : 4,
                probe,
                null);
    }

    /** A class that passed in probe 1 with {@code liveMiB} of live heap. */
    public static Report.ClassEntry live(String name, long liveMiB) {
        return measured(name, liveMiB, 300, Math.max(liveMiB, 0) + 40, 1);
    }

    public static Report.CulpritEntry single(String victim, String cause, List<Integer> probes) {
        return new Report.CulpritEntry(
                "single",
                List.of(victim),
                victim,
                List.of(),
                Map.of(),
                cause,
                true,
                null,
                "importsEverything",
                List.of("dies alone: heap OutOfMemoryError (heap peak 267 MiB of 256 MiB max)"),
                2,
                2,
                probes,
                List.of("Give it more heap or make it hold less."));
    }

    /** A probe that took {@code id} seconds and, unless it completed, died of the heap in its last class. */
    public static Report.ProbeEntry probe(int id, String purpose, List<String> classes, String outcome) {
        return new Report.ProbeEntry(
                id,
                purpose,
                classes,
                outcome,
                outcome.equals("completed") ? null : "heap-oom",
                null,
                outcome.equals("completed") ? null : classes.get(classes.size() - 1),
                null,
                null,
                1_000L * id,
                -1,
                -1,
                List.of());
    }

    /** {@code value} MiB in bytes; a negative value, "not measured", stays {@code -1}. */
    public static long mib(long value) {
        return value < 0 ? -1 : value * MIB;
    }

    public SampleReport project(String value) {
        project = value;
        return this;
    }

    public SampleReport toolVersion(String value) {
        toolVersion = value;
        return this;
    }

    public SampleReport generatedAt(String value) {
        generatedAt = value;
        return this;
    }

    public SampleReport verdict(String value) {
        verdict = value;
        return this;
    }

    public SampleReport summary(String value) {
        summary = value;
        return this;
    }

    public SampleReport maxHeapMiB(long value) {
        maxHeap = mib(value);
        return this;
    }

    public SampleReport memoryLimitMiB(long value) {
        memoryLimit = mib(value);
        return this;
    }

    public SampleReport forkTimeoutMs(long value) {
        forkTimeout = value;
        return this;
    }

    public SampleReport strategy(String value) {
        strategy = value;
        return this;
    }

    public SampleReport batchSize(int value) {
        batchSize = value;
        return this;
    }

    public SampleReport exactRetained(boolean value) {
        exactRetained = value;
        return this;
    }

    public SampleReport confirmRuns(int value) {
        confirmRuns = value;
        return this;
    }

    public SampleReport argLine(String value) {
        argLine = value;
        return this;
    }

    public SampleReport testFile(String value) {
        testFile = value;
        return this;
    }

    public SampleReport shard(String value) {
        shard = value;
        return this;
    }

    /** Every setting at once, in place of the ones set by name. */
    public SampleReport settings(Report.Settings value) {
        settings = value;
        return this;
    }

    public SampleReport environment(Report.EnvironmentInfo value) {
        environment = value;
        return this;
    }

    /** The fork JVM's default max heap in the environment ({@code -1}: unknown). */
    public SampleReport defaultMaxHeapBytes(long value) {
        Report.EnvironmentInfo e = environment;
        environment = new Report.EnvironmentInfo(
                e.mavenJdk(),
                e.forkJdk(),
                e.os(),
                e.cores(),
                e.machineMemoryBytes(),
                e.containerMemoryLimitBytes(),
                e.cgroup(),
                value,
                e.surefireVersion(),
                e.mavenVersion());
        return this;
    }

    public SampleReport wallMs(long value) {
        wallMs = value;
        return this;
    }

    /** The totals as they are, in place of the ones counted from the entries. */
    public SampleReport totals(Report.Totals value) {
        totals = value;
        return this;
    }

    public SampleReport classes(Report.ClassEntry... entries) {
        return classes(List.of(entries));
    }

    public SampleReport classes(List<Report.ClassEntry> entries) {
        classes.addAll(entries);
        return this;
    }

    /** Adds a culprit; the verdict becomes {@code culprits-found}. */
    public SampleReport culprit(Report.CulpritEntry entry) {
        culprits.add(entry);
        verdict = "culprits-found";
        return this;
    }

    public SampleReport culprits(List<Report.CulpritEntry> entries) {
        entries.forEach(this::culprit);
        return this;
    }

    public SampleReport finding(String kind, String message, List<String> names) {
        findings.add(new Report.FindingEntry(kind, message, names));
        return this;
    }

    /** Adds probes; called with none, the report has only the probes added (none, or those added later). */
    public SampleReport probes(Report.ProbeEntry... entries) {
        return probes(List.of(entries));
    }

    public SampleReport probes(List<Report.ProbeEntry> entries) {
        if (probes == null) {
            probes = new ArrayList<>();
        }
        probes.addAll(entries);
        return this;
    }

    public SampleReport ranked(String name, long retainedMiB) {
        ranking.add(new Report.RankEntry(name, mib(retainedMiB)));
        return this;
    }

    public Report build() {
        List<Report.ProbeEntry> forks = probes != null
                ? probes
                : List.of(probe(
                        1,
                        "whole suite",
                        classes.stream().map(Report.ClassEntry::name).toList(),
                        "completed"));
        long forkMs = forks.stream().mapToLong(Report.ProbeEntry::wallMs).sum();
        return new Report(
                Report.SCHEMA_VERSION,
                toolVersion,
                generatedAt,
                project,
                verdict,
                summary != null ? summary : verdict.equals("no-culprit") ? "No memory failure." : verdict,
                culprits,
                findings,
                classes,
                forks,
                ranking,
                settings != null
                        ? settings
                        : new Report.Settings(
                                maxHeap,
                                memoryLimit,
                                forkTimeout,
                                strategy,
                                batchSize,
                                false,
                                confirmRuns,
                                50,
                                1,
                                testFile,
                                shard,
                                argLine,
                                "filesystem",
                                -1,
                                exactRetained),
                environment,
                totals != null
                        ? totals
                        : new Report.Totals(
                                classes.size(),
                                classes.size(),
                                forks.size(),
                                forkMs,
                                wallMs >= 0 ? wallMs : forkMs + 3_000));
    }
}
