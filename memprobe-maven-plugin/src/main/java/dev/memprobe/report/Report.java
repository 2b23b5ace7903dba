package dev.memprobe.report;

import dev.memprobe.retain.Retainers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The culprit report: what {@code report.json} holds (the contract CI parses; see {@code docs/report-schema.md}) and
 * what every other format renders. Immutable; built by {@link ReportBuilder}, read back by {@link JsonReportReader}.
 *
 * <p>Sizes are bytes, durations milliseconds; {@code -1} means "not measured" and is written as JSON {@code null}.
 */
public record Report(
        int schemaVersion,
        String toolVersion,
        String generatedAt,
        String project,
        String verdict,
        String summary,
        List<CulpritEntry> culprits,
        List<FindingEntry> findings,
        List<ClassEntry> classes,
        List<ProbeEntry> probes,
        List<RankEntry> ranking,
        Settings settings,
        EnvironmentInfo environment,
        Totals totals) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        culprits = List.copyOf(culprits);
        findings = List.copyOf(findings);
        classes = List.copyOf(classes);
        probes = List.copyOf(probes);
        ranking = List.copyOf(ranking);
    }

    /**
     * A culprit with its evidence and what to do about it.
     *
     * @param retainers what holds the memory, from heap dumps: the hog's, or each polluter's in run order; empty
     *     when none was analysed ({@code memprobe.retainers=false}, or a report of an earlier version)
     */
    public record CulpritEntry(
            String kind,
            List<String> classes,
            String victim,
            List<String> polluters,
            Map<String, Long> retainedBytes,
            String cause,
            boolean memory,
            Integer exitCode,
            String method,
            List<String> evidence,
            int reproduced,
            int attempts,
            List<Integer> probes,
            List<String> advice,
            List<Retainers> retainers) {

        public CulpritEntry {
            classes = List.copyOf(classes);
            polluters = List.copyOf(polluters);
            retainedBytes = Collections.unmodifiableMap(new LinkedHashMap<>(retainedBytes));
            evidence = List.copyOf(evidence);
            probes = List.copyOf(probes);
            advice = List.copyOf(advice);
            retainers = retainers == null ? List.of() : List.copyOf(retainers);
        }

        /** A culprit without an analysis of what holds its memory. */
        public CulpritEntry(
                String kind,
                List<String> classes,
                String victim,
                List<String> polluters,
                Map<String, Long> retainedBytes,
                String cause,
                boolean memory,
                Integer exitCode,
                String method,
                List<String> evidence,
                int reproduced,
                int attempts,
                List<Integer> probes,
                List<String> advice) {
            this(
                    kind,
                    classes,
                    victim,
                    polluters,
                    retainedBytes,
                    cause,
                    memory,
                    exitCode,
                    method,
                    evidence,
                    reproduced,
                    attempts,
                    probes,
                    advice,
                    List.of());
        }

        /** This culprit with what holds its memory. */
        public CulpritEntry withRetainers(List<Retainers> found) {
            return new CulpritEntry(
                    kind,
                    classes,
                    victim,
                    polluters,
                    retainedBytes,
                    cause,
                    memory,
                    exitCode,
                    method,
                    evidence,
                    reproduced,
                    attempts,
                    probes,
                    advice,
                    found);
        }
    }

    /** A conclusion that names no culprit. */
    public record FindingEntry(String kind, String message, List<String> classes) {
        public FindingEntry {
            classes = List.copyOf(classes);
        }
    }

    /**
     * One class that ran, measured in the first fork it ran in. The flat figures ({@code heapPeakBytes} to
     * {@code gcCount}) are the fork's levels while the class ran, what earlier classes left behind included; the
     * class's own figures are in {@code own}.
     *
     * @param fork in a recording, Surefire's number of the fork that ran it ({@code "1"}); null in a bisect
     * @param own the class's own figures, or null in a report of an earlier version
     * @param methods what each test method allocated and left behind, in the order they ended; empty when not measured
     */
    public record ClassEntry(
            String name,
            String outcome,
            int tests,
            int failures,
            int errors,
            int skipped,
            long durationMs,
            long heapPeakBytes,
            long liveHeapPeakBytes,
            long liveHeapMinBytes,
            long retainedBytes,
            long heapEndBytes,
            long rssPeakBytes,
            long directPeakBytes,
            long metaspacePeakBytes,
            long threadsPeak,
            long allocatedBytes,
            long gcCount,
            int probe,
            String problem,
            String fork,
            Own own,
            List<MethodEntry> methods) {

        public ClassEntry {
            methods = methods == null ? List.of() : List.copyOf(methods);
        }

        /** An entry without the class's own figures, as earlier versions wrote it. */
        public ClassEntry(
                String name,
                String outcome,
                int tests,
                int failures,
                int errors,
                int skipped,
                long durationMs,
                long heapPeakBytes,
                long liveHeapPeakBytes,
                long liveHeapMinBytes,
                long retainedBytes,
                long heapEndBytes,
                long rssPeakBytes,
                long directPeakBytes,
                long metaspacePeakBytes,
                long threadsPeak,
                long allocatedBytes,
                long gcCount,
                int probe,
                String problem,
                String fork) {
            this(
                    name,
                    outcome,
                    tests,
                    failures,
                    errors,
                    skipped,
                    durationMs,
                    heapPeakBytes,
                    liveHeapPeakBytes,
                    liveHeapMinBytes,
                    retainedBytes,
                    heapEndBytes,
                    rssPeakBytes,
                    directPeakBytes,
                    metaspacePeakBytes,
                    threadsPeak,
                    allocatedBytes,
                    gcCount,
                    probe,
                    problem,
                    fork,
                    null,
                    List.of());
        }

        /** This entry with the class's own figures and its methods'. */
        public ClassEntry withOwn(Own figures, List<MethodEntry> byMethod) {
            return with(fork, figures, byMethod);
        }

        /** The class's own heap: the larger of what it kept and what it needed, -1 when neither was measured. */
        public long ownHeapBytes() {
            return own == null ? -1 : Math.max(own.keptBytes(), own.neededBytes());
        }

        /** An entry of a bisect, which runs its forks itself. */
        public ClassEntry(
                String name,
                String outcome,
                int tests,
                int failures,
                int errors,
                int skipped,
                long durationMs,
                long heapPeakBytes,
                long liveHeapPeakBytes,
                long liveHeapMinBytes,
                long retainedBytes,
                long heapEndBytes,
                long rssPeakBytes,
                long directPeakBytes,
                long metaspacePeakBytes,
                long threadsPeak,
                long allocatedBytes,
                long gcCount,
                int probe,
                String problem) {
            this(
                    name,
                    outcome,
                    tests,
                    failures,
                    errors,
                    skipped,
                    durationMs,
                    heapPeakBytes,
                    liveHeapPeakBytes,
                    liveHeapMinBytes,
                    retainedBytes,
                    heapEndBytes,
                    rssPeakBytes,
                    directPeakBytes,
                    metaspacePeakBytes,
                    threadsPeak,
                    allocatedBytes,
                    gcCount,
                    probe,
                    problem,
                    null);
        }

        /** This entry as measured in fork {@code number} of a recording. */
        public ClassEntry inFork(String number) {
            return with(number, own, methods);
        }

        /** This entry's measurements with another fork, own figures and methods: the one copy of its components. */
        private ClassEntry with(String inFork, Own figures, List<MethodEntry> byMethod) {
            return new ClassEntry(
                    name,
                    outcome,
                    tests,
                    failures,
                    errors,
                    skipped,
                    durationMs,
                    heapPeakBytes,
                    liveHeapPeakBytes,
                    liveHeapMinBytes,
                    retainedBytes,
                    heapEndBytes,
                    rssPeakBytes,
                    directPeakBytes,
                    metaspacePeakBytes,
                    threadsPeak,
                    allocatedBytes,
                    gcCount,
                    probe,
                    problem,
                    inFork,
                    figures,
                    byMethod);
        }
    }

    /**
     * A class's own figures: what it did, apart from what the classes before it in the fork left behind. Sizes in
     * bytes, -1 where not measured.
     *
     * @param keptBytes what it left behind: the live heap after it less the live heap before it
     * @param keptBasis how {@code keptBytes} was had: {@link #EXACT} (a forced collection at each class end,
     *     {@code exactRetained}), {@link #ESTIMATED} (from the collections that happened to run, see
     *     {@code Growth}), {@link #AT_MOST} (no collection ran during it or after it: an upper bound), null when
     *     not measured
     * @param neededBytes its own peak demand: the most live heap it reached above the live heap at its start
     * @param neededBasis {@link #MEASURED} (collections ran during it) or {@link #AT_MOST} (none did: the heap's rise
     *     while it ran, garbage included, or what it allocated if less), null when not measured
     * @param allocatedBytes bytes its test thread allocated
     * @param threadsGrowth threads it left running: live threads at its end less at its start (0 when fewer)
     * @param directGrowthBytes direct buffer memory it added (0 when it freed some)
     * @param metaspaceGrowthBytes metaspace it added
     * @param classesLoadedGrowth classes loaded while it ran, less those unloaded
     * @param note why a figure is an estimate or missing, in a sentence; null when all are measured
     */
    public record Own(
            long keptBytes,
            String keptBasis,
            long neededBytes,
            String neededBasis,
            long allocatedBytes,
            long threadsGrowth,
            long directGrowthBytes,
            long metaspaceGrowthBytes,
            long classesLoadedGrowth,
            String note) {

        public static final String EXACT = "exact";
        public static final String ESTIMATED = "estimated";
        public static final String AT_MOST = "at-most";
        public static final String MEASURED = "measured";
    }

    /**
     * One test method's own figures.
     *
     * @param allocatedBytes bytes the test thread allocated during it, -1 when not measured
     * @param keptBytes what it left behind: exact with {@code exactRetained}, else the live heap after its last
     *     collection less the live heap at its start; -1 when no collection ran during it
     */
    public record MethodEntry(String name, long allocatedBytes, long keptBytes) {}

    /**
     * One fork memprobe ran.
     *
     * @param setupMs Maven's side of starting it: from memprobe asking Surefire to the fork's JVM starting (-1 unknown)
     * @param bootMs from the JVM starting to memprobe's provider running in it (-1 unknown)
     * @param recorded the fork was not run by memprobe: it is one of the project's own run, from a recording
     */
    public record ProbeEntry(
            int id,
            String purpose,
            List<String> classes,
            String outcome,
            String cause,
            Integer exitCode,
            String inFlight,
            String method,
            String evidence,
            long wallMs,
            long setupMs,
            long bootMs,
            List<String> notes,
            boolean recorded) {

        public ProbeEntry {
            classes = List.copyOf(classes);
            notes = List.copyOf(notes);
        }

        /** A probe memprobe ran itself. */
        public ProbeEntry(
                int id,
                String purpose,
                List<String> classes,
                String outcome,
                String cause,
                Integer exitCode,
                String inFlight,
                String method,
                String evidence,
                long wallMs,
                long setupMs,
                long bootMs,
                List<String> notes) {
            this(
                    id, purpose, classes, outcome, cause, exitCode, inFlight, method, evidence, wallMs, setupMs, bootMs,
                    notes, false);
        }
    }

    /** A class by the memory it left behind, for deaths that add up. */
    public record RankEntry(String name, long retainedBytes) {}

    /**
     * The limits and search settings the report was made with.
     *
     * @param runnerMemoryBytes the CI machine's memory, for the fork plan; -1 when not given
     * @param stopOnGcOverhead {@code memprobe.stopOnGcOverhead}: whether a probe's fork past saving was stopped; false
     *     in a recording, which only reports it, and in reports of earlier versions
     */
    public record Settings(
            long maxHeapBytes,
            long memoryLimitBytes,
            long forkTimeoutMs,
            String strategy,
            int batchSize,
            boolean failFast,
            int confirmRuns,
            int maxProbes,
            int parallelProbes,
            String testFile,
            String shard,
            String argLine,
            String runOrder,
            long runnerMemoryBytes,
            boolean exactRetained,
            boolean stopOnGcOverhead) {

        /** Settings of a run that never stopped a fork for GC overhead (a recording; a report of before issue 19). */
        public Settings(
                long maxHeapBytes,
                long memoryLimitBytes,
                long forkTimeoutMs,
                String strategy,
                int batchSize,
                boolean failFast,
                int confirmRuns,
                int maxProbes,
                int parallelProbes,
                String testFile,
                String shard,
                String argLine,
                String runOrder,
                long runnerMemoryBytes,
                boolean exactRetained) {
            this(
                    maxHeapBytes,
                    memoryLimitBytes,
                    forkTimeoutMs,
                    strategy,
                    batchSize,
                    failFast,
                    confirmRuns,
                    maxProbes,
                    parallelProbes,
                    testFile,
                    shard,
                    argLine,
                    runOrder,
                    runnerMemoryBytes,
                    exactRetained,
                    false);
        }
    }

    /**
     * The machine, JDKs and Surefire that ran the forks.
     *
     * @param forkProvider which provider ran the tests in the forks: {@code memprobe-junit4} (memprobe's JUnit 4
     *     runner, as the project's Surefire before 3.6 runs JUnit 4) or {@code surefire-junit-platform}; null when not
     *     known (a recording, an older report)
     */
    public record EnvironmentInfo(
            String mavenJdk,
            String forkJdk,
            String os,
            int cores,
            long machineMemoryBytes,
            long containerMemoryLimitBytes,
            String cgroup,
            long defaultMaxHeapBytes,
            String surefireVersion,
            String mavenVersion,
            String forkProvider) {

        public EnvironmentInfo(
                String mavenJdk,
                String forkJdk,
                String os,
                int cores,
                long machineMemoryBytes,
                long containerMemoryLimitBytes,
                String cgroup,
                long defaultMaxHeapBytes,
                String surefireVersion,
                String mavenVersion) {
            this(
                    mavenJdk,
                    forkJdk,
                    os,
                    cores,
                    machineMemoryBytes,
                    containerMemoryLimitBytes,
                    cgroup,
                    defaultMaxHeapBytes,
                    surefireVersion,
                    mavenVersion,
                    null);
        }
    }

    /** What the run cost. */
    public record Totals(int classesInSet, int classesRun, int probes, long forkMs, long wallMs) {}
}
