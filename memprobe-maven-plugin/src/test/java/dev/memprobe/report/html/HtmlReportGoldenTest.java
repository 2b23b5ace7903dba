package dev.memprobe.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The whole page for {@link SampleReports#small()}, byte for byte. After an intended change, regenerate the file with
 * {@code -Dmemprobe.updateGolden=true}, look at the diff and at {@code target/html-report/report.png}, and commit it.
 */
class HtmlReportGoldenTest {

    static final Path GOLDEN = Path.of(
            System.getProperty("basedir", "."), "src/test/resources/dev/memprobe/report/html/golden/report.html");

    @Test
    void rendersTheSmallReportExactlyAsRecorded() throws IOException {
        String html = HtmlReport.render(SampleReports.small());

        if (Boolean.getBoolean("memprobe.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN)
                .as("the golden file (make it with -Dmemprobe.updateGolden=true)")
                .exists();
        assertThat(html).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
