package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubActionsTest {

    @TempDir
    Path folder;

    @Test
    void appendsTheMarkdownReportToTheStepSummaryAfterWhatIsThere() throws Exception {
        Path summary = folder.resolve("step_summary");
        Files.writeString(summary, "## Tests\n\n42 passed\n");
        Report report = SampleReports.small();

        var appended = GitHubActions.appendStepSummary(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), report);

        assertThat(appended).contains(summary);
        assertThat(Files.readString(summary, StandardCharsets.UTF_8))
                .isEqualTo("## Tests\n\n42 passed\n\n" + markdown(report));
    }

    @Test
    void createsTheStepSummaryWhenItIsMissing() throws Exception {
        Path summary = folder.resolve("new_summary");
        Report report = SampleReports.small();

        GitHubActions.appendStepSummary(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), report);
        GitHubActions.appendStepSummary(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), report);

        assertThat(Files.readString(summary, StandardCharsets.UTF_8))
                .isEqualTo(markdown(report) + "\n" + markdown(report));
    }

    @Test
    void writesNoSummaryOutsideGitHubActions() throws Exception {
        Report report = SampleReports.small();

        assertThat(GitHubActions.appendStepSummary(Map.of(), report)).isEmpty();
        assertThat(GitHubActions.appendStepSummary(Map.of("GITHUB_STEP_SUMMARY", " "), report))
                .isEmpty();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void writesAnErrorPerCulpritAndAWarningPerFindingOnGitHubActions() {
        Report report = SampleReports.small();

        List<String> lines =
                GitHubActions.workflowCommands(Map.of("GITHUB_ACTIONS", "true"), report, "target/memprobe/report.html");

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("::error title=memprobe%3A CatalogImportTest kills the test JVM (single%2C heap"
                        + " OutOfMemoryError)::com.example.shop.CatalogImportTest#importsTheWholeCatalog: heap"
                        + " OutOfMemoryError (reproduced 2 of 2)"
                        + "%0Adies alone: heap OutOfMemoryError in CatalogImportTest#importsTheWholeCatalog (heap peak"
                        + " 255 MiB of 256 MiB max)"
                        + "%0Ain the suite it was class 4 to run when the fork died"
                        + "%0ANext: CatalogImportTest needs more heap than the fork has on its own: shrink its"
                        + " fixtures."
                        + "%0ASee target/memprobe/report.html");
        assertThat(lines.get(1))
                .startsWith("::error title=memprobe%3A Größe 测试 & \"quoted\" x' onmouseover=\"document['title']=")
                .contains("(cumulative%2C killed by memprobe's memory limit)::com.acme.Größe")
                .contains("#fills & <flushes>: killed by memprobe's memory limit after"
                        + " com.example.shop.SearchIndexTest, com.example.shop.InventoryTest (reproduced 2 of 2)");
        assertThat(lines.get(2))
                .isEqualTo("::warning title=memprobe%3A near limit::OrderServiceTest came within 5%25 of the heap limit"
                        + " <but> survived%0ASee target/memprobe/report.html");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
    }

    @Test
    void namesTheCulpritsTestFileAndLineSoThatTheAnnotationShowsInTheDiff() {
        Report report = SampleReports.small();
        Report.CulpritEntry hog = report.culprits().get(0);
        Sources sources = new Sources(
                Map.of(
                        Sources.key(hog.victim(), hog.method()),
                        new Sources.Source(
                                "shop/src/test/java/com/example/shop/CatalogImportTest.java", 42, null, "frame")),
                null);

        List<String> lines = GitHubActions.workflowCommands(Map.of("GITHUB_ACTIONS", "true"), report, sources, null);

        assertThat(lines.get(0))
                .startsWith("::error file=shop/src/test/java/com/example/shop/CatalogImportTest.java,line=42,title="
                        + "memprobe%3A CatalogImportTest kills the test JVM");
        assertThat(lines.get(1)).startsWith("::error title=");
    }

    @Test
    void keepsWithinGitHubsTenAnnotationsOfAKindAndSaysHowManyMoreThereAre() {
        SampleReport many = SampleReports.shop().summary("s");
        for (int i = 0; i < 12; i++) {
            many.culprit(SampleReport.single("com.acme.Hog" + i + "Test", "heap-oom", List.of(1)));
        }
        for (int i = 0; i < 10; i++) {
            many.finding("near-limit", "near " + i, List.of());
        }

        List<String> lines =
                GitHubActions.workflowCommands(Map.of("GITHUB_ACTIONS", "true"), many.build(), "report.html");

        assertThat(lines.stream().filter(l -> l.startsWith("::error"))).hasSize(GitHubActions.ANNOTATIONS_PER_TYPE);
        assertThat(lines.stream().filter(l -> l.startsWith("::warning"))).hasSize(10);
        assertThat(lines.get(8)).contains("Hog8Test");
        assertThat(lines.get(9))
                .isEqualTo("::error title=memprobe%3A 3 more culprits::GitHub shows 10 annotations of a kind per step;"
                        + " the report has all 12 culprits.%0ASee report.html");
    }

    @Test
    void writesNoCommandOutsideGitHubActions() {
        Report report = SampleReports.small();

        assertThat(GitHubActions.workflowCommands(Map.of(), report, null)).isEmpty();
        assertThat(GitHubActions.workflowCommands(Map.of("GITHUB_ACTIONS", "false"), report, null))
                .isEmpty();
        assertThat(GitHubActions.workflowCommands(Map.of("GITHUB_ACTIONS", "true"), SampleReports.clean(), null))
                .isEmpty();
    }

    @Test
    void cannotBeTrickedIntoASecondCommandByANameWithLineBreaks() {
        Report small = SampleReports.small();
        Report.CulpritEntry c = small.culprits().get(0);
        String sly = "com.acme.Sly\n::warning::fake\r\n::add-mask::x%0A";
        Report.CulpritEntry slyCulprit = new Report.CulpritEntry(
                c.kind(),
                List.of(sly),
                sly,
                List.of(),
                Map.of(),
                c.cause(),
                true,
                null,
                "m,1:2",
                List.of("100% sure"),
                1,
                1,
                List.of(1),
                List.of());
        Report report = SampleReports.shop()
                .culprit(slyCulprit)
                .summary("s")
                .classes(small.classes())
                .probes(small.probes())
                .maxHeapMiB(-1)
                .memoryLimitMiB(-1)
                .build();

        List<String> lines = GitHubActions.workflowCommands(Map.of("GITHUB_ACTIONS", "true"), report, null);

        assertThat(lines)
                .containsExactly(
                        "::error title=memprobe%3A Sly%0A%3A%3Awarning%3A%3Afake%0D%0A%3A%3Aadd-mask%3A%3Ax%250A"
                                + " kills the test JVM (single%2C heap OutOfMemoryError)"
                                + "::com.acme.Sly%0A::warning::fake%0D%0A::add-mask::x%250A#m,1:2: heap OutOfMemoryError"
                                + " (reproduced 1 of 1)%0A100%25 sure");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain             | plain             | plain
            100%              | 100%25            | 100%25
            a:b,c             | a%3Ab%2Cc         | a:b,c
            %0A               | %250A             | %250A
            `a\\nb\\rc`       | a%0Ab%0Dc         | a%0Ab%0Dc
            """)
    void escapesPropertiesAndMessagesAsTheWorkflowCommandsSpecify(String raw, String property, String data) {
        String value = raw.replace("\\n", "\n").replace("\\r", "\r");

        assertThat(GitHubActions.escapeProperty(value)).isEqualTo(property);
        assertThat(GitHubActions.escapeData(value)).isEqualTo(data);
    }

    private static String markdown(Report report) throws Exception {
        StringWriter out = new StringWriter();
        MarkdownReport.write(report, out);
        return out.toString();
    }
}
