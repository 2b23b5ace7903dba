package dev.memprobe.maven;

import dev.memprobe.bisect.BisectEngine;
import dev.memprobe.bisect.BisectRequest;
import dev.memprobe.bisect.SearchResult;
import dev.memprobe.bisect.Verdict;
import dev.memprobe.config.BisectOptions;
import dev.memprobe.config.Size;
import dev.memprobe.env.Environment;
import dev.memprobe.fork.ProcessControl;
import dev.memprobe.journal.ForkOptions;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportBuilder;
import dev.memprobe.report.files.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MavenPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;

/**
 * Re-runs the project's own Surefire test set in forks under CI's memory limits, narrows it down, and writes a
 * culprit report to {@code target/memprobe}: the class that is a single memory hog, the classes that leak and the
 * victim they kill, what the death was, with the numbers that prove it.
 *
 * <p>Reads the project's {@code maven-surefire-plugin} configuration and applies it, so forks see the same argLine,
 * system properties, environment, classpath and includes as {@code mvn test}. Run it after the test classes are
 * compiled, in the same build as plugins that set argLine properties: {@code mvn test-compile memprobe:bisect}.
 *
 * @since 0.1.0
 */
@Mojo(name = "bisect", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class BisectMojo extends SurefireMojoSupport {

    /**
     * The max heap every fork gets, like a JVM size ({@code 256m}, {@code 2g}): set it to the {@code -Xmx} of CI.
     * Appended after the project's argLine, so it wins. Unset: the project's argLine or the JVM's default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.maxHeap")
    private String maxHeap;

    /**
     * A per-fork resident memory limit ({@code 2g}), enforced like a container's OOM killer: memprobe kills a fork
     * with SIGKILL when its RSS passes the limit. Catches direct buffers, threads, metaspace and native memory that
     * never touch the heap limit. Unset: no limit.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.memoryLimit")
    private String memoryLimit;

    /**
     * A test selection file: one class name or Surefire pattern a line, {@code #} comments. Narrows the project's
     * Surefire test set (the order stays CI's). Unset: the whole test set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.testFile")
    private File testFile;

    /**
     * How long a fork may run ({@code 600} seconds, {@code 90s}, {@code 10m}) before memprobe sends it SIGTERM, as a
     * CI timeout does, and SIGKILL 10 seconds later. Unset: Surefire's {@code forkedProcessTimeoutInSeconds} of the
     * project, else none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.forkTimeout")
    private String forkTimeout;

    /**
     * How to search: {@code bisect} (whole suite first, then narrow down, guided by measurements), {@code batches}
     * (fixed-size batches, then each class of a failing batch alone) or {@code isolated} (one fork per class).
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.strategy", defaultValue = "bisect")
    private String strategy;

    /**
     * Classes per batch for {@code strategy=batches}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.batchSize", defaultValue = "3")
    private int batchSize;

    /**
     * Stop at the first culprit instead of looking for all of them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.failFast", defaultValue = "false")
    private boolean failFast;

    /**
     * How many times each verdict must be seen again after the run that found it; its classes run again until it has.
     * A single hog that died alone as it died in the suite's fork has been seen again once already. A verdict that
     * does not reproduce every time is reported as intermittent, with how often it did.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.confirmRuns", defaultValue = "1")
    private int confirmRuns;

    /**
     * The most forks the search may start. When it runs out the report says what is known so far.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.maxProbes", defaultValue = "50")
    private int maxProbes;

    /**
     * Measure exactly what each test class keeps: the fork collects all garbage (two full collections) at the end
     * of every class, and that heap is also the next class's baseline, so what a class left behind is known whether or
     * not the JVM collected during it, large arrays that G1 puts straight in the old generation included. The
     * polluter search then ranks classes by it. Each collection takes a few to tens of milliseconds as the live heap
     * grows: seconds on a suite of hundreds of classes. Off: the live heap after the collections the JVM runs anyway,
     * which is free but misses memory kept between two of them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.exactRetained", defaultValue = "false")
    private boolean exactRetained;

    /**
     * Where the reports go: {@code report.json}, {@code report.md}, {@code report.html}, {@code heavy-classes.txt}
     * and a folder per probe with its journal and Surefire's reports.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.outputDirectory", defaultValue = "${project.build.directory}/memprobe")
    private File outputDirectory;

    /**
     * Skips the goal ({@code memprobe.skip}). The goal also skips when tests are skipped ({@code skipTests},
     * {@code maven.test.skip}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.skip", defaultValue = "false")
    private boolean skipMemprobe;

    /**
     * Search only shard {@code i} of {@code n} ({@code 2/3}, counted from 1) of the test set, after
     * {@code memprobe.testFile}: n CI jobs, one per shard, search every class exactly once; {@code memprobe:merge}
     * makes one report of theirs. The cut is deterministic: balanced by {@code memprobe.shardBalance} when given,
     * else by a stable hash of the class names. Unset: the whole test set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.shard")
    private String shard;

    /**
     * A {@code report.json} of an earlier run of the whole suite (main's merged report, say) to balance the shards
     * by: the classes' time and heap are spread evenly over the shards. Classes it does not list are placed by
     * class-name hash. Every shard job of one run must be given the same file. Unset: by class-name hash only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.shardBalance")
    private File shardBalance;

    /**
     * Fail the build (MojoFailureException) when a culprit is found.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.failOnCulprit", defaultValue = "false")
    private boolean failOnCulprit;

    /**
     * How many forks may run at once, for probes that do not depend on each other (the rest of the suite while a
     * class that died runs alone, confirmations, the isolated and batches strategies): {@code auto} (one per two
     * cores, as many as the memory holds, at most 4; a fork takes {@code memoryLimit}, else 1.5 times its max heap and
     * 256 MiB) or a number; {@code 1} runs one fork at a time. failFast runs one at a time, and so does Maven 4.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.parallelProbes", defaultValue = "auto")
    private String parallelProbes;

    /**
     * The memory of the CI machine the suite runs on ({@code 7g}): the report then carries a fork plan, the
     * {@code -Xmx} and {@code forkCount} that fit the measured high-water marks, with the heavy classes in a job of
     * their own. Unset: no plan.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.runnerMemory")
    private String runnerMemory;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Component(role = ComponentConfigurator.class, hint = "basic")
    private ComponentConfigurator configurator;

    @Component
    private MavenPluginManager pluginManager;

    private Log moduleLog;

    /** Maven's log; in a parallel build ({@code -T}) each line names the module, as lines of modules interleave. */
    @Override
    public Log getLog() {
        Log log = super.getLog();
        if (getSession() == null || !getSession().isParallel() || getProject() == null) {
            return log;
        }
        if (moduleLog == null) {
            moduleLog = ModuleLog.of(log, getProject().getArtifactId());
        }
        return moduleLog;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipMemprobe) {
            getLog().info("memprobe: skipped (memprobe.skip=true)");
            return;
        }
        if (isSkip() || isSkipTests() || isSkipExec()) {
            getLog().info("memprobe: skipped because tests are skipped (skipTests or maven.test.skip)");
            return;
        }
        Instant started = Instant.now();
        Environment environment = Environment.detect();
        BisectOptions limits = oneAtATimeOnMaven4(options().resolveParallel(environment));
        ProjectTests tests = new ProjectTests(this, this::relative);
        Optional<String> nothing = tests.nothingToSearch();
        if (nothing.isPresent()) {
            getLog().info("memprobe: skipped, " + nothing.get());
            return;
        }
        SurefireConfiguration surefire = SurefireConfiguration.of(getProject(), mojoExecution.getExecutionId());
        List<String> notForwarded = SurefireConfiguration.dependenciesNotForwarded(getProject());
        if (!notForwarded.isEmpty()) {
            getLog().warn("memprobe: maven-surefire-plugin declares dependencies that memprobe's forks do not get: "
                    + String.join(", ", notForwarded) + ". Surefire puts the JUnit Platform engines among them on its"
                    + " forks; if tests are missing or fail to start here, declare the same dependencies on"
                    + " memprobe-maven-plugin too");
        }
        prepareForProbes(surefire);
        boolean failIfNoTests =
                "true".equals(surefire.value("failIfNoTests")) || "true".equals(property("failIfNoTests"));
        List<String> testSet = tests.select(testFile, limits.shard(), shardBalance, failIfNoTests, getLog());
        if (testSet.isEmpty()) {
            getLog().info("memprobe: skipped, " + tests.noTestClass());
            return;
        }
        Path output = outputDirectory.toPath();
        ensureWritable(output);
        String projectArgLine = getArgLine();
        Duration timeout = limits.timeout() != null ? limits.timeout() : surefireTimeout(surefire);
        String ownSurefire = surefireVersion();
        Plugin projectSurefire = getProject().getPlugin(SurefireConfiguration.SUREFIRE);
        StartBanner.lines(
                        testSet.size(),
                        limits,
                        timeout,
                        environment,
                        ownSurefire,
                        projectSurefire == null ? null : projectSurefire.getVersion())
                .forEach(getLog()::info);

        BisectRequest request = new BisectRequest(
                testSet,
                limits.strategy(),
                batchSize,
                failFast,
                confirmRuns,
                maxProbes,
                BisectRequest.DEFAULT_MAX_POLLUTERS,
                limits.parallelProbes());
        SurefireForkRunner.Settings settings = new SurefireForkRunner.Settings(
                output.resolve("probes"),
                projectArgLine,
                limits.maxHeap(),
                limits.memoryLimit(),
                timeout,
                Duration.ofSeconds(10),
                ForkOptions.DEFAULT_NEAR_LIMIT,
                exactRetained);
        SearchResult result;
        int runners = Math.min(limits.parallelProbes(), Math.max(1, testSet.size()));
        try (StaleProbes stale = StaleProbes.clear(output.resolve("probes"));
                ForkReaper reaper = new ForkReaper(ProcessControl.system());
                ProbeRunners instances = ProbeRunners.of(
                        this, runners, pluginManager, getSession(), mojoExecution, i -> i.prepareForProbes(surefire))) {
            SurefireForkRunner runner =
                    new SurefireForkRunner(instances.instances(), settings, reaper, ProcessControl.system());
            result = new BisectEngine(runner, new ConsoleProgress(getLog(), maxProbes)).run(request);
        } catch (SurefireForkRunner.ProbeException e) {
            throw new MojoExecutionException("memprobe could not run a fork: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "memprobe cannot clear the probe folders of an earlier run in " + output + " (" + e.getMessage()
                            + "): delete " + relative(output.resolve("probes")) + " and run again",
                    e);
        }

        long wall = Duration.between(started, Instant.now()).toMillis();
        Report report = ReportBuilder.build(
                result,
                getProject().getGroupId() + ":" + getProject().getArtifactId(),
                toolVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                new Report.Settings(
                        limits.maxHeap(),
                        limits.memoryLimit(),
                        timeout == null ? -1 : timeout.toMillis(),
                        limits.strategy().id(),
                        batchSize,
                        failFast,
                        confirmRuns,
                        maxProbes,
                        limits.parallelProbes(),
                        testFile == null ? null : testFile.getPath(),
                        limits.shard() == null ? null : limits.shard().toString(),
                        projectArgLine,
                        getRunOrder(),
                        runnerMemoryBytes(),
                        exactRetained),
                new Report.EnvironmentInfo(
                        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                        forkJdk(result),
                        Environment.os(),
                        environment.cores(),
                        environment.machineMemory(),
                        environment.containerLimit(),
                        environment.cgroup(),
                        environment.defaultMaxHeap(),
                        ownSurefire,
                        getSession().getSystemProperties().getProperty("maven.version", "unknown")),
                testSet.size(),
                wall);
        ReportOutput reports = new ReportOutput(getLog(), output, this::relative);
        try {
            reports.write(report, getClass().getClassLoader(), this::property);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "memprobe cannot write its reports to " + output + ": " + e.getMessage(), e);
        }
        try {
            boolean noLimit = limits.maxHeap() < 0 && limits.memoryLimit() < 0;
            reports.announce(report, System.getenv(), System.out, noLimit ? environment.defaultMaxHeap() : -1);
        } catch (IOException e) {
            throw new MojoExecutionException("memprobe cannot append to $GITHUB_STEP_SUMMARY: " + e.getMessage(), e);
        }
        finish(report, result, output, notForwarded);
    }

    /** Maps the outcome to Maven: the one place that decides between success, failure and error. */
    private void finish(Report report, SearchResult result, Path output, List<String> notForwarded)
            throws MojoExecutionException, MojoFailureException {
        boolean nothingRan = !result.probes().isEmpty()
                && result.probes().get(0).classes().isEmpty()
                && result.probes().get(0).death() != null;
        if (nothingRan) {
            String check = notForwarded.isEmpty()
                    ? "Check the argLine and memprobe.maxHeap"
                    : "Declare maven-surefire-plugin's dependencies (" + String.join(", ", notForwarded)
                            + ") on memprobe-maven-plugin too: its forks do not get them. Check the argLine and"
                            + " memprobe.maxHeap";
            throw new MojoExecutionException("memprobe's first fork died before any test class started: "
                    + result.probes().get(0).death().evidence() + ". " + check + "; the fork's output is in "
                    + relative(output.resolve("probes/probe-1")));
        }
        if (failOnCulprit && result.verdict() == Verdict.CULPRITS_FOUND) {
            throw new MojoFailureException("memprobe found " + report.summary() + "; see "
                    + relative(output.resolve(ReportFormat.HTML.fileName())));
        }
    }

    private long runnerMemoryBytes() {
        return runnerMemory == null || runnerMemory.isBlank() ? -1 : Size.parse("memprobe.runnerMemory", runnerMemory);
    }

    /** Parses memprobe's own parameters; a bad value stops the goal before any fork starts. */
    private BisectOptions options() throws MojoExecutionException {
        try {
            runnerMemoryBytes();
            return BisectOptions.parse(
                    maxHeap,
                    memoryLimit,
                    forkTimeout,
                    strategy,
                    batchSize,
                    confirmRuns,
                    maxProbes,
                    parallelProbes,
                    shard);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /**
     * Maven 4 keeps a goal's scope (its project, its session) on the goal's own thread: Surefire cannot start a fork
     * from another one, so forks run one at a time there.
     */
    private BisectOptions oneAtATimeOnMaven4(BisectOptions options) {
        String version = getSession().getSystemProperties().getProperty("maven.version", "");
        if (options.parallelProbes() <= 1 || !version.startsWith("4")) {
            return options;
        }
        getLog().info("memprobe: on Maven " + version + " forks run one at a time (Maven 4 keeps a goal's scope on"
                + " its own thread)");
        return options.withParallelProbes(1);
    }

    /** Applies the project's Surefire configuration and gives the forks memprobe's shape: for this instance and for
     * every further one that runs probes in parallel. */
    private void prepareForProbes(SurefireConfiguration surefire) throws MojoExecutionException {
        List<String> applied = surefire.applyTo(this, mojoExecution, getSession(), configurator);
        if (getLog().isDebugEnabled()) {
            getLog().debug("memprobe: applied from maven-surefire-plugin: " + applied);
        }
        shapeForks();
    }

    private Duration surefireTimeout(SurefireConfiguration surefire) {
        String seconds = surefire.value("forkedProcessTimeoutInSeconds");
        if (seconds == null) {
            return null;
        }
        try {
            long value = Long.parseLong(seconds.trim());
            return value > 0 ? Duration.ofSeconds(value) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void ensureWritable(Path output) throws MojoExecutionException {
        try {
            Files.createDirectories(output);
            Path probe = Files.createTempFile(output, ".memprobe-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new MojoExecutionException("memprobe.outputDirectory " + output + " is not writable (" + e
                    + "): point memprobe.outputDirectory at a folder memprobe may write to");
        }
    }

    private String property(String key) {
        String value = getSession().getUserProperties().getProperty(key);
        return value != null ? value : getSession().getSystemProperties().getProperty(key);
    }

    private String surefireVersion() {
        Artifact common = getPluginArtifactMap().get("org.apache.maven.surefire:maven-surefire-common");
        return common == null ? "unknown" : common.getBaseVersion();
    }

    private String toolVersion() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }

    private static String forkJdk(SearchResult result) {
        return result.probes().stream()
                .filter(p -> p.fork() != null)
                .map(p -> p.fork().javaVersion() + " (" + p.fork().vendor() + ")")
                .findFirst()
                .orElse(null);
    }

    /**
     * A path as the user finds it from where Maven was started: {@code target/memprobe} in a single project,
     * {@code service/target/memprobe} for a module of a reactor built from its root.
     */
    private String relative(Path path) {
        String root = getSession().getExecutionRootDirectory();
        return RelativePath.from(
                root != null ? Path.of(root) : getProject().getBasedir().toPath(), path);
    }
}
