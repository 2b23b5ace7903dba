package dev.memprobe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memprobe.report.Report;
import dev.memprobe.report.SampleReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestResultsTest {

    @TempDir
    Path probes;

    private static Report.ClassEntry entry(
            String name, String outcome, int tests, int failures, int errors, int probe) {
        return new Report.ClassEntry(
                name, outcome, tests, failures, errors, 0, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, probe, null);
    }

    private Path xml(int probe, String className, String body) throws IOException {
        Path folder = Files.createDirectories(probes.resolve("probe-" + probe + "/surefire-reports"));
        return Files.writeString(
                folder.resolve("TEST-" + className + ".xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + className + "\">" + body
                        + "</testsuite>\n");
    }

    @Test
    void listsFailuresBeforeErrorsAndCountsEveryClass() throws IOException {
        xml(
                1,
                "a.ATest",
                "<testcase name=\"throws\" classname=\"a.ATest\"><error message=\"boom &lt;b&gt;\""
                        + " type=\"java.lang.IllegalStateException\">java.lang.IllegalStateException: boom\n\tat"
                        + " a.Lib.x(Lib.java:3)\n\tat a.ATest.throws(ATest.java:9)</error></testcase>");
        xml(
                2,
                "a.BTest",
                "<testcase name=\"adds\" classname=\"a.BTest\"><failure message=\"1 != 2\""
                        + " type=\"java.lang.AssertionError\">java.lang.AssertionError: 1 != 2\n\tat"
                        + " a.BTest.adds(BTest.java:5)</failure></testcase><testcase name=\"ok\" classname=\"a.BTest\"/>"
                        // the test of the class before it that a memory error stopped: not a.BTest's failure
                        + "<testcase name=\"loads\" classname=\"a.Hog\"><error message=\"Java heap space\""
                        + " type=\"java.lang.OutOfMemoryError\"/></testcase>");
        Report report = SampleReport.report()
                .classes(List.of(
                        entry("a.ATest", "failed", 1, 0, 1, 1),
                        entry("a.BTest", "failed", 2, 1, 0, 2),
                        entry("a.Hog", "died", 1, 0, 1, 1)))
                .build();

        TestResults results = TestResults.collect(report, probes);

        assertThat(results.hasFailures()).isTrue();
        assertThat(results.failingClasses()).containsExactly("a.ATest", "a.BTest");
        assertThat(results.surefireLines())
                .containsExactly(
                        "Failures: ",
                        "  BTest.adds:5 1 != 2",
                        "Errors: ",
                        "  ATest.throws:9 » IllegalState boom <b>",
                        "Tests run: 4, Failures: 1, Errors: 2, Skipped: 0");
        assertThat(results.described()).isEqualTo("2 tests failed in 2 classes: a.ATest, a.BTest");
    }

    @Test
    void aMemoryErrorIsNoTestFailure() throws IOException {
        Report report = SampleReport.report()
                .classes(List.of(entry("a.Hog", "memory-error", 1, 0, 1, 1)))
                .build();

        assertThat(TestResults.collect(report, probes).hasFailures()).isFalse();
    }

    @Test
    void aFailedClassWithoutAReportIsNamedByItsCounts() throws IOException {
        Report report = SampleReport.report()
                .classes(List.of(entry("a.ATest", "failed", 3, 2, 0, 4)))
                .build();

        TestResults results = TestResults.collect(report, probes);

        assertThat(results.surefireLines())
                .containsExactly(
                        "Errors: ",
                        "  ATest 2 of 3 tests failed; probe 4 wrote no Surefire report that names them",
                        "Tests run: 3, Failures: 2, Errors: 0, Skipped: 0");
    }

    @Test
    void copiesEachClassesReportFilesFromTheProbeThatMeasuredIt() throws IOException {
        xml(1, "a.ATest", "<testcase name=\"ok\" classname=\"a.ATest\"/>");
        Files.writeString(probes.resolve("probe-1/surefire-reports/a.ATest.txt"), "Tests run: 1");
        xml(2, "a.ATest", "<!-- the second run -->");
        Report report = SampleReport.report()
                .classes(List.of(entry("a.ATest", "passed", 1, 0, 0, 1)))
                .build();
        Path target = probes.resolveSibling(probes.getFileName() + "-surefire-reports");

        assertThat(TestResults.collect(report, probes).copyTo(target)).isEqualTo(1);

        assertThat(target.resolve("TEST-a.ATest.xml")).content().doesNotContain("second run");
        assertThat(target.resolve("a.ATest.txt")).hasContent("Tests run: 1");
    }

    @Test
    void aClassAMemoryErrorStoppedBeforeSurefireWroteItsReportGetsOneInSurefiresSchema() throws IOException {
        Report.ClassEntry hog = new Report.ClassEntry(
                "a.Hog",
                "died",
                1,
                0,
                1,
                0,
                1500,
                -1,
                -1,
                -1,
                -1,
                -1,
                -1,
                -1,
                -1,
                -1,
                -1,
                -1,
                1,
                "java.lang.OutOfMemoryError: Java heap space");
        Report report = SampleReport.report()
                .classes(List.of(hog))
                .probes(SampleReport.probe(1, "whole suite", List.of("a.Hog"), "died"))
                .build();
        Path target = probes.resolveSibling(probes.getFileName() + "-surefire-reports");

        assertThat(TestResults.collect(report, probes).copyTo(target)).isEqualTo(1);

        SurefireXml.Suite suite = SurefireXml.read(target.resolve("TEST-a.Hog.xml"));
        assertThat(suite.errors()).isEqualTo(1);
        assertThat(suite.failed()).singleElement().satisfies(t -> {
            assertThat(t.className()).isEqualTo("a.Hog");
            assertThat(t.type()).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(t.message()).isEqualTo("Java heap space");
            assertThat(t.error()).isTrue();
        });
    }

    @Test
    void aReportThatIsNotXmlSaysWhichFile() throws IOException {
        Path file = xml(1, "a.ATest", "<testcase");
        Report report = SampleReport.report()
                .classes(List.of(entry("a.ATest", "failed", 1, 1, 0, 1)))
                .build();

        assertThatThrownBy(() -> TestResults.collect(report, probes))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " is not a Surefire report Maven can read");
    }
}
