package dev.memprobe.report.html;

import static dev.memprobe.report.html.HtmlReportTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memprobe.report.Report;
import dev.memprobe.report.SampleReports;
import dev.memprobe.report.files.ReportFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} as a person sees it: rendered by headless Chromium. The pages and screenshots stay in
 * {@code target/html-report/} for a person to look at. Skipped, with the reason, where no Chromium is installed
 * ({@code apt-get install -y chromium}), unless {@code -Dmemprobe.requireChromium=true};
 * {@code -Dmemprobe.chromium=/path/to/chrome} names another binary.
 */
class HtmlReportInBrowserTest {

    /** Set to {@code true} where Chromium is installed (CI) to fail instead of skipping when it cannot be found. */
    static final String REQUIRE = "memprobe.requireChromium";

    static final Path ARTIFACTS = Path.of(System.getProperty("basedir", "."), "target", "html-report");

    @TempDir
    Path scratch;

    private Chromium chromium;

    @BeforeEach
    void findChromium() {
        Optional<Chromium> found = Chromium.find(scratch);
        String configured = System.getProperty(Chromium.PROPERTY);
        String missing = configured != null
                ? "-D" + Chromium.PROPERTY + "=" + configured + " is not an executable file"
                : "No Chromium found at " + Chromium.CANDIDATES + ": install it (apt-get install -y chromium) or name"
                        + " one with -D" + Chromium.PROPERTY + " to check report.html in a browser";
        if (Boolean.getBoolean(REQUIRE)) {
            assertThat(found).as(missing + " (and -D" + REQUIRE + "=true)").isPresent();
        }
        assumeTrue(found.isPresent(), missing);
        chromium = found.get();
    }

    @Test
    void rendersTheCulpritsAndShowsHostileNamesAsTextWithoutRunningThem() throws Exception {
        Report report = SampleReports.small();
        Path page = write(report, "report.html");

        String dom = chromium.dumpDom(page);

        assertThat(title(dom)).isEqualTo("memprobe: 2 culprits — shop");
        assertThat(dom).doesNotContain("pwned</title>");
        assertThat(HtmlReportTest.count(dom.toLowerCase(java.util.Locale.ROOT), "<script"))
                .as("report.js only")
                .isOne();
        String text = HtmlReportTest.plain(dom);
        assertThat(text).contains("<code>" + SampleReports.HOG + "</code>");
        assertThat(text).contains("<code>" + serialisedText(SampleReports.HOSTILE) + "</code>");
        assertThat(Pattern.compile("<[a-z]+\\b[^<>]*\\sonmouseover=\"")
                        .matcher(dom)
                        .find())
                .as("an onmouseover attribute made it into the DOM")
                .isFalse();
        assertThat(dom).contains("Größe 测试");
        assertThat(count(dom, "<section class=\"culprit\"")).isEqualTo(2);
        assertThat(count(dom, "role=\"listitem\"")).isEqualTo(report.classes().size());
    }

    @Test
    void screenshotShowsTheVerdictBannerFirstAndTheChartBars() throws Exception {
        Path page = write(SampleReports.small(), "report.html");
        Path png = ARTIFACTS.resolve("report.png");

        chromium.screenshot(page, png, 1280, 2000);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        int bannerRed = 0xb3261e;
        assertThat(pixels(image, 0, 200, bannerRed))
                .as("the red verdict banner fills the top of " + png)
                .isGreaterThan(100_000);
        assertThat(pixels(image, 200, 2000, 0x8ab4f8))
                .as("heap peak bars are drawn in " + png)
                .isGreaterThan(500);
        assertThat(pixels(image, 200, 2000, 0x1a56c4))
                .as("live heap bars are drawn in " + png)
                .isGreaterThan(500);
    }

    @Test
    void screenshotOfTwoThousandClassesRendersAndScrollsTheChart() throws Exception {
        Report report = SampleReports.large(2_000);
        Path page = write(report, "report-2000.html");
        Path png = ARTIFACTS.resolve("report-2000.png");

        chromium.screenshot(page, png, 1280, 2000);
        String dom = chromium.dumpDom(page);

        assertThat(count(dom, "role=\"listitem\"")).isEqualTo(2_000);
        assertThat(count(dom, "<div class=\"crow victim\"")).isEqualTo(1);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(pixels(image, 0, 200, 0xb3261e)).isGreaterThan(100_000);
        assertThat(pixels(image, 200, 2000, 0x8ab4f8))
                .as("heap peak bars are drawn in " + png)
                .isGreaterThan(500);
    }

    private static Path write(Report report, String name) throws IOException {
        Files.createDirectories(ARTIFACTS);
        Path page = ARTIFACTS.resolve(name);
        ReportFiles.writeAtomically(page, w -> HtmlReport.write(report, w));
        // the page's style sheet and script beside it, as memprobe writes them: opened from a folder (or a zip
        // artifact unpacked), the page finds them
        ReportFiles.writeAtomically(ARTIFACTS.resolve("report.css"), w -> HtmlReport.resource("report.css", w));
        ReportFiles.writeAtomically(ARTIFACTS.resolve("report.js"), w -> HtmlReport.resource("report.js", w));
        return page;
    }

    private static String title(String dom) {
        Matcher m = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("the DOM has a title").isTrue();
        return m.group(1);
    }

    /** Text as Chromium serialises a text node: {@code &}, {@code <}, {@code >} escaped, quotes as they are. */
    private static String serialisedText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** How many pixels in rows {@code [fromY, toY)} are within a small distance of {@code rgb}. */
    static int pixels(BufferedImage image, int fromY, int toY, int rgb) {
        int n = 0;
        for (int y = fromY; y < Math.min(toY, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) {
                    n++;
                }
            }
        }
        return n;
    }
}
