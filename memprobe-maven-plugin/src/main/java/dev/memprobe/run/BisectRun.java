package dev.memprobe.run;

import dev.memprobe.bisect.BisectEngine;
import dev.memprobe.bisect.Culprit;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.ProgressListener;
import dev.memprobe.bisect.SearchResult;
import dev.memprobe.bisect.Verdict;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportBuilder;
import dev.memprobe.report.files.ReportFormat;
import dev.memprobe.results.TestResults;
import dev.memprobe.retain.Retainers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One bisect from its first console line to its outcome, in plain Java: checks that the output folder takes files,
 * says what it searches, clears the probe folders of an earlier run, runs the search on the forks it is given, reads
 * the culprits' heap dumps ({@link RetainerStep}), builds the report, writes and announces it, and returns what the
 * goal tells Maven. The goal passes in Maven's side: the
 * forks (Surefire), the report output (Maven's log, GitHub) and the console.
 */
public final class BisectRun {

    /** Where a finished bisect goes: the report files, then the console and CI. */
    public interface Reports {

        /** Writes every report file (and the metrics asked for). */
        void write(Report report) throws IOException;

        /**
         * Puts the outcome on the console and on CI.
         *
         * @param defaultMaxHeap the forks' max heap when no limit was set; negative when one was
         * @throws IOException when CI's summary cannot be appended to
         */
        void announce(Report report, long defaultMaxHeap) throws IOException;

        /**
         * Puts Surefire's lines for the tests that failed, not of memory, on the console, as {@code mvn test} ends
         * with them.
         *
         * @param failBuild whether they fail the build (errors), or not, with testFailureIgnore (warnings)
         */
        void testFailures(List<String> lines, boolean failBuild);
    }

    private final Forks forks;
    private final Reports reports;
    private final ProgressListener progress;
    private final Consumer<String> console;
    private final Function<Path, String> relative;
    private final Clock clock;

    /**
     * @param progress hears about every probe (the console's line per probe)
     * @param console takes the lines the bisect starts with
     * @param relative a path as the user finds it from where the build was started
     */
    public BisectRun(
            Forks forks,
            Reports reports,
            ProgressListener progress,
            Consumer<String> console,
            Function<Path, String> relative) {
        this(forks, reports, progress, console, relative, Clock.systemUTC());
    }

    BisectRun(
            Forks forks,
            Reports reports,
            ProgressListener progress,
            Consumer<String> console,
            Function<Path, String> relative,
            Clock clock) {
        this.forks = forks;
        this.reports = reports;
        this.progress = progress;
        this.console = console;
        this.relative = relative;
        this.clock = clock;
    }

    public RunOutcome run(RunRequest request) {
        Path output = request.output();
        try {
            Files.createDirectories(output);
            Files.delete(Files.createTempFile(output, ".memprobe-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            return RunOutcome.error(
                    "memprobe.outputDirectory " + output + " is not writable (" + e
                            + "): point memprobe.outputDirectory at a folder memprobe may write to",
                    null);
        }
        StartBanner.lines(request).forEach(console);

        SearchResult result;
        try (StaleProbes stale = StaleProbes.clear(request.probesFolder());
                Forks.Open open = forksOf(request).open(request)) {
            result = new BisectEngine(open.runner(), progress).run(request.search());
        } catch (Forks.ProbeNotRun e) {
            return RunOutcome.error("memprobe could not run a fork: " + e.getMessage(), e);
        } catch (Forks.Unavailable e) {
            return RunOutcome.error(e.getMessage(), e);
        } catch (IOException e) {
            return RunOutcome.error(
                    "memprobe cannot clear the probe folders of an earlier run in " + output + " (" + e.getMessage()
                            + "): delete " + relative.apply(request.probesFolder()) + " and run again",
                    e);
        }

        Map<Culprit, List<Retainers>> retainers = new RetainerStep(request, console).analyse(result);
        long wall = Duration.between(request.started(), clock.instant()).toMillis();
        Report report = ReportBuilder.build(
                result,
                request.project().id(),
                request.versions().memprobe(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                request.reportSettings(),
                request.environmentInfo(forkJdk(result)),
                request.tests().size(),
                wall,
                retainers);
        try {
            reports.write(report);
        } catch (IOException e) {
            return RunOutcome.error("memprobe cannot write its reports to " + output + ": " + e.getMessage(), e);
        }
        TestResults tests;
        try {
            tests = TestResults.collect(report, request.probesFolder());
            Path surefireReports = request.project().reportsDirectory();
            if (surefireReports != null) {
                tests.copyTo(surefireReports);
            }
        } catch (IOException e) {
            return RunOutcome.error(
                    "memprobe cannot copy the tests' Surefire reports to "
                            + relative.apply(request.project().reportsDirectory()) + ": " + e.getMessage(),
                    e);
        }
        try {
            reports.announce(report, request.defaultMaxHeapWithoutLimit());
        } catch (IOException e) {
            return RunOutcome.error("memprobe cannot append to $GITHUB_STEP_SUMMARY: " + e.getMessage(), e);
        }
        if (tests.hasFailures()) {
            reports.testFailures(tests.surefireLines(), !request.project().testFailureIgnore());
        }
        return outcome(request, result, report, tests);
    }

    /** The forks, their first probe answered from a recording when the request starts from one. */
    private Forks forksOf(RunRequest request) {
        return request.options().from() == null
                ? forks
                : new RecordedForks(forks, request.options().from());
    }

    /** The one place that decides between success, failure and error once the report is out. */
    private RunOutcome outcome(RunRequest request, SearchResult result, Report report, TestResults tests) {
        List<ForkResult> probes = result.probes();
        boolean nothingRan = !probes.isEmpty()
                && probes.get(0).classes().isEmpty()
                && probes.get(0).death() != null;
        if (nothingRan) {
            List<String> notForwarded = request.project().notForwarded();
            String check = notForwarded.isEmpty()
                    ? "Check the argLine and memprobe.maxHeap"
                    : "Declare maven-surefire-plugin's dependencies (" + String.join(", ", notForwarded)
                            + ") on memprobe-maven-plugin too: its forks do not get them. Check the argLine and"
                            + " memprobe.maxHeap";
            return RunOutcome.error(
                    "memprobe's first fork died before any test class started: "
                            + probes.get(0).death().evidence() + ". " + check + "; the fork's output is in "
                            + relative.apply(request.probesFolder().resolve("probe-1")),
                    report,
                    result.verdict());
        }
        boolean culprits = result.verdict() == Verdict.CULPRITS_FOUND;
        String seeReport = "see " + relative.apply(request.output().resolve(ReportFormat.HTML.fileName()));
        if (tests.hasFailures() && !request.project().testFailureIgnore()) {
            String reportsFolder = request.project().reportsDirectory() == null
                    ? relative.apply(request.probesFolder())
                    : relative.apply(request.project().reportsDirectory());
            return RunOutcome.failure(
                    "There are test failures: " + tests.described() + ", not of memory. See " + reportsFolder
                            + " for the individual test results (-Dmaven.test.failure.ignore=true lets the build go"
                            + " on)." + (culprits ? " memprobe also found " + report.summary() + "; " + seeReport : ""),
                    report,
                    result.verdict());
        }
        if (culprits && request.options().failOnCulprit()) {
            return RunOutcome.failure(
                    "memprobe found " + report.summary() + "; " + seeReport, report, result.verdict());
        }
        if (culprits) {
            console.accept("memprobe: the build goes on: a culprit fails it only with -Dmemprobe.failOnCulprit=true"
                    + " (or in memprobe:check, which fails on culprits by default)");
        }
        return RunOutcome.success(report, result.verdict());
    }

    private static String forkJdk(SearchResult result) {
        return result.probes().stream()
                .filter(p -> p.fork() != null)
                .map(p -> p.fork().javaVersion() + " (" + p.fork().vendor() + ")")
                .findFirst()
                .orElse(null);
    }
}
