package dev.memprobe.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memprobe.report.ProbeDetail;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import dev.memprobe.report.SampleReports;
import dev.memprobe.report.Sources;
import dev.memprobe.report.files.ReportFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code report.html} as CI hosts it: its folder (report.html, report.css, report.js) served over HTTP with Jenkins'
 * default Content-Security-Policy ({@code default-src 'self'}), opened in headless Chromium at a phone's, a laptop's
 * and a wide screen's width, light and dark. A probe script (test resource {@code check.js}, loaded first in a copy of
 * the page) records policy violations and measures the page as a reader sees it. Screenshots stay in
 * {@code target/html-report/hosted/} for a person to look at. Skipped like {@link HtmlReportInBrowserTest} where no
 * Chromium is installed, unless {@code -Dmemprobe.requireChromium=true}.
 */
class HtmlReportHostedTest {

    static final Path FOLDER = HtmlReportInBrowserTest.ARTIFACTS.resolve("hosted");

    private static PageServer server;

    @TempDir
    Path scratch;

    private Chromium chromium;

    @BeforeAll
    static void writeAndServeTheReport() throws IOException {
        Files.createDirectories(FOLDER);
        ReportFiles.writeAll(SampleReports.small(), context(SampleReports.small()), FOLDER);
        try (InputStream check = HtmlReportHostedTest.class.getResourceAsStream("check.js")) {
            Files.write(FOLDER.resolve("check.js"), check.readAllBytes());
        }
        String html = Files.readString(FOLDER.resolve("report.html"), StandardCharsets.UTF_8);
        Files.writeString(
                FOLDER.resolve("checked.html"),
                html.replace("<head>", "<head><script src=\"check.js\"></script>"),
                StandardCharsets.UTF_8);
        for (int width : new int[] {420, 1000, 1280, 1600}) {
            // headless Chromium lays a page out 500 px wide at least: a frame of the width to check holds it
            Files.writeString(
                    FOLDER.resolve("frame-" + width + ".html"),
                    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><iframe src=\"checked.html\""
                            + " width=\"" + width + "\" height=\"2400\"></iframe></body></html>\n",
                    StandardCharsets.UTF_8);
        }
        server = PageServer.serve(FOLDER);
    }

    @AfterAll
    static void stopServing() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void findChromium() {
        Optional<Chromium> found = Chromium.find(scratch);
        if (Boolean.getBoolean(HtmlReportInBrowserTest.REQUIRE)) {
            assertThat(found)
                    .as("Chromium (and -D" + HtmlReportInBrowserTest.REQUIRE + "=true)")
                    .isPresent();
        }
        assumeTrue(found.isPresent(), "No Chromium: install it (apt-get install -y chromium) to check report.html");
        chromium = found.get();
    }

    /** A memory-over-time chart for the first probe: 20 samples over 4 s, two classes, the second one's fork died. */
    static ReportContext context(Report report) {
        long t0 = 1_700_000_000_000L;
        List<ProbeDetail.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            samples.add(new ProbeDetail.Sample(
                    t0 + 200L * i, (40L + 10 * i) << 20, i < 3 ? -1 : (30L + 10 * i) << 20, (300L + 8 * i) << 20));
        }
        ProbeDetail.Timeline timeline = new ProbeDetail.Timeline(
                t0,
                256L << 20,
                samples,
                List.of(
                        new ProbeDetail.ClassSpan("com.example.shop.InventoryTest", t0 + 100, t0 + 1_900),
                        new ProbeDetail.ClassSpan(SampleReports.HOG, t0 + 1_900, -1)));
        int probe = report.probes().get(0).id();
        return new ReportContext(
                Sources.NONE,
                Map.of(
                        probe,
                        new ProbeDetail(probe, "probes/probe-1/", "probes/probe-1/journal.jsonl", null, timeline)));
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {420, 1000, 1600})
    void underJenkinsPolicyThePageIsStyledFitsTheWidthAndItsScriptSortsAndFilters(int width) throws Exception {
        String dom = chromium.dumpDom(server.url("frame-" + width + ".html"), width + 60, 2500, List.of());
        String check = check(dom);

        assertThat(number(check, "width")).isEqualTo(width);
        assertThat(field(check, "violations"))
                .as("CSP violations at " + width + " px")
                .isEqualTo("[]");
        assertThat(field(check, "verdictBackground")).isEqualTo("\"rgb(179, 38, 30)\"");
        assertThat(number(check, "scrollWidth"))
                .as("no sideways scrolling: " + check)
                .isLessThanOrEqualTo(width);
        assertThat(number(check, "numbersOffScreen"))
                .as("every number of the classes table on screen")
                .isZero();
        assertThat(number(check, "chartTexts")).isGreaterThan(20);
        assertThat(number(check, "smallestChartText")).as("chart text in px").isGreaterThanOrEqualTo(11.5);
        assertThat(field(check, "nameWrap")).as("names wrap between words only").isEqualTo("\"normal normal\"");
        assertThat(field(check, "filter")).isEqualTo("true");
        assertThat(number(check, "rows"))
                .isEqualTo(SampleReports.small().classes().size());
        assertThat(number(check, "rowsAfterFilter")).isEqualTo(1);
        assertThat(field(check, "sortedDescending")).isEqualTo("true");
        assertThat(field(check, "sort")).isEqualTo("\"descending\"");

        Path png = FOLDER.resolve("report-" + width + ".png");
        chromium.screenshot(server.url("report.html"), png, width, 2400, List.of());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(HtmlReportInBrowserTest.pixels(image, 0, 400, 0xb3261e))
                .as("the red verdict banner at the top of " + png)
                .isGreaterThan(width * 60);
    }

    @ParameterizedTest(name = "dark, {0} px wide")
    @ValueSource(ints = {420, 1280})
    void followsTheReadersDarkMode(int width) throws Exception {
        List<String> dark = List.of("--force-dark-mode", "--blink-settings=preferredColorScheme=0");
        String check = check(chromium.dumpDom(server.url("frame-" + width + ".html"), width + 60, 2500, dark));

        assertThat(field(check, "bodyBackground")).isEqualTo("\"rgb(19, 21, 24)\"");
        assertThat(field(check, "violations")).isEqualTo("[]");

        Path png = FOLDER.resolve("report-dark-" + width + ".png");
        chromium.screenshot(server.url("report.html"), png, width, 2400, dark);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(HtmlReportInBrowserTest.pixels(image, 0, image.getHeight(), 0x131518))
                .as("a dark page in " + png)
                .isGreaterThan(width * 600);
    }

    private static String check(String dom) {
        Matcher m = Pattern.compile("<pre id=\"memprobe-check\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        assertThat(m.find()).as("the probe script ran and wrote its findings").isTrue();
        return m.group(1)
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    /** A top-level field of the probe's flat JSON, as its text. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\[[^\\]]*\\]|\"[^\"]*\"|[^,}]+)")
                .matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static double number(String json, String name) {
        return Double.parseDouble(field(json, name));
    }
}
