package dev.memprobe.run;

import static dev.memprobe.run.RunRequests.MACHINE;
import static dev.memprobe.run.RunRequests.STARTED;
import static dev.memprobe.run.RunRequests.classes;
import static dev.memprobe.run.RunRequests.options;
import static dev.memprobe.run.RunRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.ForkInfo;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.ForkRunner;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.ProgressListener;
import dev.memprobe.bisect.Verdict;
import dev.memprobe.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BisectRunTest {

    private static final ForkInfo JVM = new ForkInfo(
            4242,
            "21.0.2",
            "Eclipse Adoptium",
            "OpenJDK 64-Bit Server VM",
            256L << 20,
            List.of("G1"),
            true,
            false,
            100,
            50);

    @TempDir
    Path root;

    private final List<String> console = new ArrayList<>();
    private final List<Report> written = new ArrayList<>();
    private final List<Long> announced = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private boolean opened;
    private boolean released;
    private IOException writeFails;
    private IOException announceFails;

    /** Runs the classes in order; a class named in {@code hogs} dies of heap and takes its fork with it. */
    private ForkRunner suite(Set<String> hogs) {
        return probe -> {
            probes.add(probe);
            List<ClassRun> runs = new ArrayList<>();
            for (String name : probe.classes()) {
                if (hogs.contains(name)) {
                    runs.add(new ClassRun(name, ClassRun.Outcome.DIED, 1, 0, 1, 0, Measure.NONE, null, "loads", null));
                    Death death = new Death(Cause.HEAP_OOM, 1, name, "loads", "java.lang.OutOfMemoryError: Java heap");
                    return new ForkResult(probe, probe.classes(), runs, death, 1_000, JVM, List.of());
                }
                runs.add(new ClassRun(name, ClassRun.Outcome.PASSED, 1, 0, 0, 0, Measure.NONE, null, null, null));
            }
            return new ForkResult(probe, probe.classes(), runs, null, 1_000, JVM, List.of());
        };
    }

    private Forks forks(ForkRunner runner) {
        return request -> {
            opened = true;
            return new Forks.Open(runner, () -> released = true);
        };
    }

    private final BisectRun.Reports reports = new BisectRun.Reports() {
        @Override
        public void write(Report report) throws IOException {
            if (writeFails != null) {
                throw writeFails;
            }
            written.add(report);
        }

        @Override
        public void announce(Report report, long defaultMaxHeap) throws IOException {
            if (announceFails != null) {
                throw announceFails;
            }
            announced.add(defaultMaxHeap);
        }

        @Override
        public void testFailures(List<String> lines, boolean failBuild) {
            testLines.addAll(lines);
            failingBuild.add(failBuild);
        }
    };

    private final List<String> testLines = new ArrayList<>();
    private final List<Boolean> failingBuild = new ArrayList<>();

    /** Like {@link #suite}, and a class named in {@code failing} fails one assertion, with Surefire's report. */
    private ForkRunner suite(Set<String> hogs, Set<String> failing) {
        ForkRunner plain = suite(hogs);
        return probe -> {
            ForkResult result = plain.run(probe);
            List<ClassRun> runs = new ArrayList<>();
            for (ClassRun run : result.classes()) {
                if (failing.contains(run.name())) {
                    run = new ClassRun(run.name(), ClassRun.Outcome.FAILED, 2, 1, 0, 0, Measure.NONE, null, null, null);
                }
                runs.add(run);
                surefireReport(probe.id(), run.name(), failing.contains(run.name()));
            }
            return new ForkResult(probe, result.planned(), runs, result.death(), 1_000, JVM, List.of());
        };
    }

    private void surefireReport(int probe, String className, boolean failing) {
        Path folder = output().resolve("probes/probe-" + probe + "/surefire-reports");
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String failure = failing
                ? "<failure message=\"expected: &lt;1&gt; but was: &lt;2&gt;\" type=\"org.opentest4j.AssertionFailedError\">"
                        + "org.opentest4j.AssertionFailedError: expected: &lt;1&gt; but was: &lt;2&gt;\n\tat "
                        + "org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)\n\tat " + className
                        + ".addsUp(" + simple + ".java:12)\n</failure>"
                : "";
        try {
            Files.createDirectories(folder);
            Files.writeString(
                    folder.resolve("TEST-" + className + ".xml"),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- probe " + probe + " -->\n<testsuite name=\""
                            + className
                            + "\" tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"" + (failing ? 1 : 0) + "\">"
                            + "<testcase name=\"addsUp\" classname=\"" + className + "\" time=\"0.01\">" + failure
                            + "</testcase><testcase name=\"other\" classname=\"" + className
                            + "\" time=\"0.01\"/></testsuite>\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RunRequest withSurefire(RunRequest plain, boolean testFailureIgnore) {
        return new RunRequest(
                plain.tests(),
                plain.options(),
                new RunRequest.Project(
                        "com.acme:shop",
                        null,
                        "filesystem",
                        null,
                        List.of(),
                        root.resolve("target/surefire-reports"),
                        testFailureIgnore),
                plain.versions(),
                plain.machine(),
                plain.output(),
                null,
                plain.started());
    }

    private RunOutcome run(Forks forks, RunRequest request) {
        Clock clock = Clock.fixed(STARTED.plusMillis(42_400), ZoneOffset.UTC);
        return new BisectRun(
                        forks,
                        reports,
                        ProgressListener.NONE,
                        console::add,
                        p -> root.relativize(p).toString(),
                        clock)
                .run(request);
    }

    private Path output() {
        return root.resolve("target/memprobe");
    }

    private static BisectOptions failingOnCulprits() {
        return BisectOptions.parse(null, null, null, "bisect", 3, false, 1, 50, false, null, true, "1", null);
    }

    @Test
    void aSuiteWhereNothingDiesSucceedsWithItsReportWrittenAndAnnounced() {
        RunRequest request = request(classes(3), options(null, null, "bisect", "1"), output());

        RunOutcome outcome = run(forks(suite(Set.of())), request);

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.SUCCESS);
        assertThat(outcome.message()).isNull();
        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_CULPRIT);
        assertThat(written).containsExactly(outcome.report());
        assertThat(announced).containsExactly(MACHINE.defaultMaxHeap());
        assertThat(console).containsExactlyElementsOf(StartBanner.lines(request));
        assertThat(probes).hasSize(1);
        assertThat(released).isTrue();
        Report report = outcome.report();
        assertThat(report.project()).isEqualTo("com.acme:shop");
        assertThat(report.toolVersion()).isEqualTo("0.1.0");
        assertThat(report.generatedAt()).isEqualTo("2025-03-04T10:16:12Z");
        assertThat(report.totals().wallMs()).isEqualTo(42_400);
        assertThat(report.totals().classesInSet()).isEqualTo(3);
        assertThat(report.settings()).isEqualTo(request.reportSettings());
        assertThat(report.environment()).isEqualTo(request.environmentInfo("21.0.2 (Eclipse Adoptium)"));
    }

    @Test
    void aLimitGivenMeansNoWordAboutTheDefaultHeap() {
        run(forks(suite(Set.of())), request(classes(2), options("256m", null, "bisect", "1"), output()));

        assertThat(announced).containsExactly(-1L);
    }

    @Test
    void aCulpritFailsTheBuildOnlyWhenFailOnCulpritIsSet() {
        Set<String> hog = Set.of("a.Test2");

        RunOutcome reported = run(forks(suite(hog)), request(classes(3), options(null, null, "bisect", "1"), output()));
        RunOutcome failed = run(forks(suite(hog)), request(classes(3), failingOnCulprits(), output()));

        assertThat(reported.status()).isEqualTo(RunOutcome.Status.SUCCESS);
        assertThat(reported.verdict()).isEqualTo(Verdict.CULPRITS_FOUND);
        assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILURE);
        assertThat(failed.verdict()).isEqualTo(Verdict.CULPRITS_FOUND);
        assertThat(failed.message())
                .isEqualTo("memprobe found " + failed.report().summary() + "; see target/memprobe/report.html");
        assertThat(failed.cause()).isNull();
        assertThat(written).containsExactly(reported.report(), failed.report());
        assertThat(announced).hasSize(2);
    }

    @Test
    void aCulpritFoundWithoutFailOnCulpritSaysThatTheBuildGoesOnAndHow() {
        run(forks(suite(Set.of("a.Test2"))), request(classes(3), options(null, null, "bisect", "1"), output()));

        assertThat(console)
                .last()
                .isEqualTo("memprobe: the build goes on: a culprit fails it only with -Dmemprobe.failOnCulprit=true"
                        + " (or in memprobe:check, which fails on culprits by default)");
    }

    @Test
    void aTestThatFailsItsAssertionsFailsTheBuildAsSurefireWouldNamingIt() {
        RunRequest request = withSurefire(request(classes(3), options(null, null, "bisect", "1"), output()), false);

        RunOutcome outcome = run(forks(suite(Set.of(), Set.of("a.Test2"))), request);

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILURE);
        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_CULPRIT);
        assertThat(outcome.message())
                .isEqualTo("There are test failures: 1 test failed in a.Test2, not of memory. See"
                        + " target/surefire-reports for the individual test results"
                        + " (-Dmaven.test.failure.ignore=true lets the build go on).");
        assertThat(testLines)
                .containsExactly(
                        "Failures: ",
                        "  Test2.addsUp:12 expected: <1> but was: <2>",
                        "Tests run: 4, Failures: 1, Errors: 0, Skipped: 0");
        assertThat(failingBuild).containsExactly(true);
    }

    @Test
    void everyClassHasItsSurefireReportInTheProjectsReportsFolderFromTheProbeThatMeasuredIt() throws IOException {
        RunRequest request = withSurefire(request(classes(3), options(null, null, "bisect", "1"), output()), false);

        run(forks(suite(Set.of("a.Test2"), Set.of())), request);

        Path reports = root.resolve("target/surefire-reports");
        assertThat(reports.resolve("TEST-a.Test1.xml")).exists();
        assertThat(reports.resolve("TEST-a.Test3.xml")).exists();
        // a.Test2 died in probe 1 and died again alone in probe 2: probe 1 measured it, its report is the one kept
        assertThat(output().resolve("probes/probe-2/surefire-reports/TEST-a.Test2.xml"))
                .exists();
        assertThat(reports.resolve("TEST-a.Test2.xml")).content().contains("<!-- probe 1 -->");
    }

    @Test
    void testFailureIgnoreLetsTheBuildGoOnWithTheFailuresAsWarnings() {
        RunRequest request = withSurefire(request(classes(3), options(null, null, "bisect", "1"), output()), true);

        RunOutcome outcome = run(forks(suite(Set.of(), Set.of("a.Test2"))), request);

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.SUCCESS);
        assertThat(testLines).contains("  Test2.addsUp:12 expected: <1> but was: <2>");
        assertThat(failingBuild).containsExactly(false);
    }

    @Test
    void aFailingTestAndAHogFailTheBuildNamingBoth() {
        RunRequest request = withSurefire(request(classes(3), options(null, null, "bisect", "1"), output()), false);

        RunOutcome outcome = run(forks(suite(Set.of("a.Test3"), Set.of("a.Test1"))), request);

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILURE);
        assertThat(outcome.message())
                .startsWith("There are test failures: 1 test failed in a.Test1, not of memory.")
                .endsWith(" memprobe also found 1 culprit: a.Test3 (single, heap-oom); see"
                        + " target/memprobe/report.html");
    }

    @Test
    void aFirstForkThatDiesBeforeAnyClassIsAnErrorOnceTheReportIsOut() {
        ForkRunner dead = probe -> new ForkResult(
                probe,
                List.of(),
                List.of(),
                new Death(Cause.FORK_ERROR, 1, null, null, "Unrecognized option: -XX:+Nonsense"),
                200,
                null,
                List.of());

        RunOutcome outcome = run(forks(dead), request(classes(3), options(null, null, "bisect", "1"), output()));

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.ERROR);
        assertThat(outcome.message())
                .isEqualTo("memprobe's first fork died before any test class started: Unrecognized option:"
                        + " -XX:+Nonsense. Check the argLine and memprobe.maxHeap; the fork's output is in"
                        + " target/memprobe/probes/probe-1");
        assertThat(outcome.report()).isNotNull();
        assertThat(written).containsExactly(outcome.report());
    }

    @Test
    void aFirstForkThatDiesBeforeAnyClassNamesTheDependenciesItDidNotGet() {
        ForkRunner dead = probe -> new ForkResult(
                probe,
                List.of(),
                List.of(),
                new Death(Cause.FORK_ERROR, 1, null, null, "no engine"),
                200,
                null,
                List.of());
        RunRequest plain = request(classes(1), options(null, null, "bisect", "1"), output());
        RunRequest request = new RunRequest(
                plain.tests(),
                plain.options(),
                new RunRequest.Project(
                        "com.acme:shop", null, "filesystem", null, List.of("org.junit.jupiter:junit-jupiter-engine")),
                plain.versions(),
                plain.machine(),
                plain.output(),
                null,
                plain.started());

        assertThat(run(forks(dead), request).message())
                .contains("Declare maven-surefire-plugin's dependencies (org.junit.jupiter:junit-jupiter-engine)"
                        + " on memprobe-maven-plugin too");
    }

    @Test
    void aProbeThatCannotRunIsAnErrorAndNoReportIsWritten() {
        Forks.ProbeNotRun refused = new Forks.ProbeNotRun("Surefire refused the fork", null);
        ForkRunner refusing = probe -> {
            throw refused;
        };

        RunOutcome outcome = run(forks(refusing), request(classes(3), options(null, null, "bisect", "1"), output()));

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.ERROR);
        assertThat(outcome.message()).isEqualTo("memprobe could not run a fork: Surefire refused the fork");
        assertThat(outcome.cause()).isSameAs(refused);
        assertThat(outcome.report()).isNull();
        assertThat(written).isEmpty();
        assertThat(released).isTrue();
    }

    @Test
    void forksThatCannotBeSetUpAreAnErrorInTheirOwnWords() {
        Forks unavailable = request -> {
            throw new Forks.Unavailable("Cannot apply the Surefire configuration", null);
        };

        RunOutcome outcome = run(unavailable, request(classes(3), options(null, null, "bisect", "1"), output()));

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.ERROR);
        assertThat(outcome.message()).isEqualTo("Cannot apply the Surefire configuration");
        assertThat(outcome.cause()).isInstanceOf(Forks.Unavailable.class);
        assertThat(written).isEmpty();
    }

    @Test
    void anOutputFolderThatTakesNoFilesIsAnErrorBeforeAnythingElse() throws IOException {
        Path file = Files.writeString(root.resolve("target"), "not a folder");
        Path output = file.resolve("memprobe");

        RunOutcome outcome =
                run(forks(suite(Set.of())), request(classes(3), options(null, null, "bisect", "1"), output));

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.ERROR);
        assertThat(outcome.message())
                .startsWith("memprobe.outputDirectory " + output + " is not writable (")
                .endsWith("): point memprobe.outputDirectory at a folder memprobe may write to");
        assertThat(outcome.cause()).isNull();
        assertThat(console).isEmpty();
        assertThat(opened).isFalse();
    }

    @Test
    void theProbeFoldersOfAnEarlierRunAreGoneBeforeTheFirstProbe() throws IOException {
        Path stale = Files.createDirectories(output().resolve("probes/probe-7"));
        Files.writeString(stale.resolve("journal.jsonl"), "{}\n");
        List<Boolean> staleThere = new ArrayList<>();
        ForkRunner passing = suite(Set.of());

        run(
                forks(probe -> {
                    staleThere.add(Files.exists(stale));
                    return passing.run(probe);
                }),
                request(classes(2), options(null, null, "bisect", "1"), output()));

        assertThat(staleThere).containsExactly(false);
    }

    @Test
    void reportsThatCannotBeWrittenAreAnErrorAndAreNotAnnounced() {
        writeFails = new IOException("No space left on device");

        RunOutcome outcome =
                run(forks(suite(Set.of())), request(classes(3), options(null, null, "bisect", "1"), output()));

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.ERROR);
        assertThat(outcome.message())
                .isEqualTo("memprobe cannot write its reports to " + output() + ": No space left on device");
        assertThat(outcome.cause()).isSameAs(writeFails);
        assertThat(announced).isEmpty();
    }

    @Test
    void aStepSummaryThatCannotBeAppendedToIsAnError() {
        announceFails = new IOException("Permission denied");

        RunOutcome outcome =
                run(forks(suite(Set.of())), request(classes(3), options(null, null, "bisect", "1"), output()));

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.ERROR);
        assertThat(outcome.message()).isEqualTo("memprobe cannot append to $GITHUB_STEP_SUMMARY: Permission denied");
        assertThat(outcome.cause()).isSameAs(announceFails);
    }
}
