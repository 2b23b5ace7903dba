package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * {@code report.json} and {@code report.md} of {@link SampleReports#full()}, compared with the files under
 * {@code src/test/resources/golden/}.
 *
 * <p>After a deliberate change to a writer, regenerate the goldens and review their diff before committing:
 *
 * <pre>
 * ./mvnw -q -pl memprobe-maven-plugin -am test -Dtest=GoldenReportTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmemprobe.updateGoldens=true
 * git diff memprobe-maven-plugin/src/test/resources/golden/
 * </pre>
 */
class GoldenReportTest {

    /** System property that rewrites the golden files from the writers' output instead of comparing. */
    static final String UPDATE = "memprobe.updateGoldens";

    private static final Path GOLDEN = Paths.get("src/test/resources/golden");

    private static final String DIFFERS =
            "%s differs from its golden; if the change is intended, run with -D%s=true and review the diff";

    @Test
    void reportJsonMatchesItsGolden() throws IOException {
        String json = json(SampleReports.full());

        assertThat(json).as(DIFFERS, "report.json", UPDATE).isEqualTo(golden("report.json", json));
    }

    @Test
    void reportMarkdownMatchesItsGolden() throws IOException {
        StringWriter out = new StringWriter();
        MarkdownReport.write(SampleReports.full(), out);
        String markdown = out.toString();

        assertThat(markdown).as(DIFFERS, "report.md", UPDATE).isEqualTo(golden("report.md", markdown));
    }

    @Test
    void theGoldenJsonIsAReportThatReadsBackAsTheFixture() throws IOException {
        String golden = golden("report.json", json(SampleReports.full()));

        assertThat(JsonReportReader.read(golden)).isEqualTo(SampleReports.full());
    }

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        JsonReportWriter.write(report, out);
        return out.toString();
    }

    /** The golden file {@code name}; rewritten from {@code actual} first when {@value #UPDATE} is true. */
    private static String golden(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("%s is missing; run with -D%s=true to write it", golden.toAbsolutePath(), UPDATE)
                .exists();
        return Files.readString(golden, StandardCharsets.UTF_8);
    }
}
