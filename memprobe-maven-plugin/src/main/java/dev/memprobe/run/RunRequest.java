package dev.memprobe.run;

import dev.memprobe.bisect.BisectRequest;
import dev.memprobe.env.Environment;
import dev.memprobe.report.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One bisect, fixed before its first fork starts: what it searches, under which limits, and what its report says it
 * was made with. The goal builds it once, from its parameters ({@link BisectOptions}) and what the project and the
 * machine say; the engine's request ({@link #search}), the report's settings ({@link #reportSettings}) and the
 * forks' limits are derived from it, never filled in by hand.
 *
 * @param tests the classes to search, in the order CI runs them
 * @param options memprobe's parameters, parsed, with "auto" forks at once decided
 * @param project what the project's build and its Surefire configuration say
 * @param versions whose tools run the bisect
 * @param machine the machine the forks run on
 * @param output the folder the reports go to
 * @param testFile the test selection file as the goal was given it, or null for none
 * @param started when the goal started: the report's wall time counts from here
 */
public record RunRequest(
        List<String> tests,
        BisectOptions options,
        Project project,
        Versions versions,
        Environment machine,
        Path output,
        String testFile,
        Instant started) {

    public RunRequest {
        tests = List.copyOf(tests);
    }

    /**
     * @param id {@code groupId:artifactId}
     * @param argLine the project's argLine, after its Surefire configuration was applied; null for none
     * @param runOrder Surefire's {@code runOrder} for the project
     * @param surefireTimeout the project's {@code forkedProcessTimeoutInSeconds}, or null for none
     * @param notForwarded dependencies declared on {@code maven-surefire-plugin} that memprobe's forks do not get
     * @param reportsDirectory Surefire's {@code reportsDirectory} for the project, where each class's Surefire report
     *     is copied from the probe that measured it; null to copy none
     * @param testFailureIgnore Surefire's {@code testFailureIgnore}: tests that fail, not of memory, do not fail the
     *     build
     */
    public record Project(
            String id,
            String argLine,
            String runOrder,
            Duration surefireTimeout,
            List<String> notForwarded,
            Path reportsDirectory,
            boolean testFailureIgnore) {

        public Project {
            notForwarded = List.copyOf(notForwarded);
        }

        /** A project whose Surefire reports are not copied and whose failing tests fail the build. */
        public Project(
                String id, String argLine, String runOrder, Duration surefireTimeout, List<String> notForwarded) {
            this(id, argLine, runOrder, surefireTimeout, notForwarded, null, false);
        }
    }

    /**
     * @param memprobe memprobe's own version
     * @param surefire the Surefire that runs the forks (memprobe's own)
     * @param projectSurefire the maven-surefire-plugin version the project's {@code mvn test} uses, or null when the
     *     project does not name it
     * @param maven the Maven that runs the goal
     */
    /**
     * @param forkProvider which provider runs the forks: {@code memprobe-junit4} or {@code surefire-junit-platform}
     * @param forkProviderWhy why that one, one sentence for the start banner
     */
    public record Versions(
            String memprobe,
            String surefire,
            String projectSurefire,
            String maven,
            String forkProvider,
            String forkProviderWhy) {

        public Versions(String memprobe, String surefire, String projectSurefire, String maven) {
            this(memprobe, surefire, projectSurefire, maven, null, null);
        }
    }

    /** How long a fork may run: memprobe's forkTimeout, else the project's Surefire timeout; null for none. */
    public Duration timeout() {
        return options.timeout() != null ? options.timeout() : project.surefireTimeout();
    }

    /** The folder of the probes' journals and Surefire reports, one folder a probe. */
    public Path probesFolder() {
        return output.resolve("probes");
    }

    /** Forks that run at once: never more than there are classes. */
    public int forks() {
        return Math.min(options.parallelProbes(), Math.max(1, tests.size()));
    }

    /** The engine's input. */
    public BisectRequest search() {
        return new BisectRequest(
                tests,
                options.strategy(),
                options.batchSize(),
                options.failFast(),
                options.confirmRuns(),
                options.maxProbes(),
                BisectRequest.DEFAULT_MAX_POLLUTERS,
                options.parallelProbes());
    }

    /** The limits and search settings the report says it was made with. */
    public Report.Settings reportSettings() {
        Duration timeout = timeout();
        return new Report.Settings(
                options.maxHeap(),
                options.memoryLimit(),
                timeout == null ? -1 : timeout.toMillis(),
                options.strategy().id(),
                options.batchSize(),
                options.failFast(),
                options.confirmRuns(),
                options.maxProbes(),
                options.parallelProbes(),
                testFile,
                options.shard() == null ? null : options.shard().toString(),
                project.argLine(),
                project.runOrder(),
                options.runnerMemory(),
                options.exactRetained(),
                options.stopOnGcOverhead());
    }

    /**
     * The machine, the JDKs and the tools, for the report: Maven's JDK is the one this code runs in.
     *
     * @param forkJdk the JDK the forks ran on, or null when no fork said
     */
    public Report.EnvironmentInfo environmentInfo(String forkJdk) {
        return new Report.EnvironmentInfo(
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                forkJdk,
                Environment.os(),
                machine.cores(),
                machine.machineMemory(),
                machine.containerLimit(),
                machine.cgroup(),
                machine.defaultMaxHeap(),
                versions.surefire(),
                versions.maven(),
                versions.forkProvider());
    }

    /**
     * The forks' max heap when no limit was set, for the console to say it is probably larger than CI's; -1 when a
     * heap or memory limit was set.
     */
    public long defaultMaxHeapWithoutLimit() {
        return options.noLimit() ? machine.defaultMaxHeap() : -1;
    }
}
