package dev.memprobe.maven;

import dev.memprobe.bisect.ProgressListener;
import dev.memprobe.env.Environment;
import dev.memprobe.fork.ProcessControl;
import dev.memprobe.run.BisectOptions;
import dev.memprobe.run.BisectRun;
import dev.memprobe.run.Forks;
import dev.memprobe.run.RunOutcome;
import dev.memprobe.run.RunRequest;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MavenPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
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
 * Bound to the {@code test} phase by default, where it takes the place of Surefire's run in a profile.
 *
 * @since 0.1.0
 */
@Mojo(
        name = "bisect",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
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
     * Say what holds each culprit's memory: the probes that confirm a culprit write a heap dump of live objects (a
     * hog's at its {@code OutOfMemoryError}, a polluter's after it ends, with one baseline before the first), which
     * memprobe reads in Maven's JVM to name the static field, thread, frame or class loader that retains it, with the
     * retained sizes. At most one dump per culprit class; each stops its fork for about a second per 256 MiB of heap
     * and takes about 1.3 times the live heap on disk while it is read. Off: the class histogram only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.retainers", defaultValue = "true")
    private boolean retainers;

    /**
     * Keep the heap dumps in the probes' folders after they are read (to open them in a heap analyser), instead of
     * deleting them: they hold the tests' data, so keep them out of CI artifacts.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.keepHeapDumps", defaultValue = "false")
    private boolean keepHeapDumps;

    /**
     * Where the reports go: {@code report.json}, {@code report.md}, {@code report.html}, {@code heavy-classes.txt}
     * and a folder per probe with its journal and Surefire's reports.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.outputDirectory", defaultValue = "${project.build.directory}/memprobe")
    private File outputDirectory;

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

    /**
     * A recording of the project's own run ({@code -Dmemprobe.record}): its folder
     * ({@code target/memprobe/record}) or its {@code report.json}. The fork that died there is the search's first
     * probe, with the classes it ran in its order and their measurements, so the suite does not run again; classes
     * that forks of the recording finished are measured there and not run again. Refused, with the reason, for a
     * recording of another project or memprobe version, or one that ran classes the test set no longer has. Unset:
     * the search starts with the whole suite.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.from")
    private File from;

    /**
     * End a probe's fork that is past saving as a death of memory ({@code gc-overhead}): one that spent at least half
     * of the last 10 seconds in garbage collection while every collection left at least 80% of the heap live. G1,
     * the default collector, has no GC overhead limit of its own: with the heap that full it collects back to back
     * and the tests crawl for minutes before an {@code OutOfMemoryError}, if one ever comes. A class that allocates
     * heavily but frees it (the heap far from full after collections) is never stopped. {@code false}: such forks
     * crawl on to their end, as under {@code mvn test}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.stopOnGcOverhead", defaultValue = "true")
    private boolean stopOnGcOverhead;

    /**
     * Which provider runs the forks. {@code auto}: as the project's own Surefire runs its tests; a project whose
     * Surefire is older than 3.6 and runs JUnit 4 with its JUnit 4 provider gets memprobe's JUnit 4 runner, which runs
     * them as that provider does (at its cost, 1.5 to 1.7 times less than through JUnit Vintage on many small tests);
     * every other project the JUnit Platform provider of memprobe's pinned Surefire. {@code surefire}: always the
     * latter (JUnit 4 through Vintage).
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.provider", defaultValue = "auto")
    private String provider;

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
        if (memprobeSkipped()) {
            getLog().info("memprobe: skipped (memprobe.skip=true)");
            return;
        }
        if (testsSkipped()) {
            getLog().info("memprobe: skipped because tests are skipped (skipTests or maven.test.skip)");
            return;
        }
        Instant started = Instant.now();
        Environment environment = Environment.detect();
        BuildContext build = new BuildContext(this, mojoExecution);
        BisectOptions options = build.oneAtATimeOnMaven4(options().resolveParallel(environment));
        ProjectTests tests = new ProjectTests(this, build::relative);
        Optional<String> nothing = tests.nothingToSearch();
        if (nothing.isPresent()) {
            getLog().info("memprobe: skipped, " + nothing.get());
            return;
        }
        SurefireConfiguration surefire = SurefireConfiguration.of(getProject(), mojoExecution.getExecutionId());
        List<String> notForwarded = build.dependenciesNotForwarded();
        BuildContext.SurefireTests surefireTests = build.surefireTests(surefire);
        prepareForProbes(surefire);
        ForkProvider forkProvider = forkProvider(surefire);
        List<String> testSet =
                tests.select(testFile, options.shard(), shardBalance, build.failIfNoTests(surefire), getLog());
        if (testSet.isEmpty()) {
            getLog().info("memprobe: skipped, " + tests.noTestClass());
            return;
        }
        RunRequest request = new RunRequest(
                testSet,
                options,
                build.project(surefire, notForwarded, surefireTests),
                build.versions(forkProvider),
                environment,
                outputDirectory.toPath(),
                testFile == null ? null : testFile.getPath(),
                started);
        ProgressListener progress = new ConsoleProgress(getLog());
        BisectRun run = new BisectRun(
                forks(surefire, forkProvider),
                build.reports(request.output()),
                progress,
                getLog()::info,
                build::relative);
        RunOutcome outcome = run.run(request);
        if (outcome.report() != null) {
            new ModulesOverview(getSession(), getLog()).write(getProject(), outputDirectory.toPath(), build::relative);
        }
        finish(outcome);
    }

    /** Surefire's forks: this instance of the goal, and more of it prepared alike for forks at the same time. */
    private Forks forks(SurefireConfiguration surefire, ForkProvider forkProvider) {
        return new SurefireForks(
                count -> ProbeRunners.of(this, count, pluginManager, getSession(), mojoExecution, i -> {
                    i.prepareForProbes(surefire);
                    i.runWithJUnit4(forkProvider.junit4());
                }),
                ProcessControl.system());
    }

    /** Which provider runs the forks ({@code memprobe.provider}); a bad value stops the goal before any fork. */
    private ForkProvider forkProvider(SurefireConfiguration surefire) throws MojoExecutionException {
        String option = provider == null ? "auto" : provider.trim();
        if (!option.equals("auto") && !option.equals("surefire")) {
            throw new MojoExecutionException(
                    "memprobe.provider=" + provider + " is not a provider: use auto (as the project's Surefire) or"
                            + " surefire (the JUnit Platform provider of memprobe's Surefire)");
        }
        ForkProvider chosen = ForkProvider.choose(
                option, getProject(), surefire, getGroups(), getExcludedGroups(), isUseSystemClassLoader());
        runWithJUnit4(chosen.junit4());
        return chosen;
    }

    /** Maps the outcome to Maven: the one place that decides between success, failure and error. */
    private static void finish(RunOutcome outcome) throws MojoExecutionException, MojoFailureException {
        switch (outcome.status()) {
            case SUCCESS -> {}
            case FAILURE -> throw new MojoFailureException(outcome.message());
            case ERROR ->
                throw outcome.cause() == null
                        ? new MojoExecutionException(outcome.message())
                        : new MojoExecutionException(outcome.message(), outcome.cause());
        }
    }

    /** Parses memprobe's own parameters; a bad value stops the goal before any fork starts. */
    private BisectOptions options() throws MojoExecutionException {
        try {
            return BisectOptions.parse(
                            maxHeap,
                            memoryLimit,
                            forkTimeout,
                            strategy,
                            batchSize,
                            failFast,
                            confirmRuns,
                            maxProbes,
                            exactRetained,
                            shard,
                            failOnCulprit,
                            parallelProbes,
                            runnerMemory)
                    .withRetainers(retainers, keepHeapDumps)
                    .withFrom(from == null ? null : from.toPath())
                    .withStopOnGcOverhead(stopOnGcOverhead);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
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
}
