package dev.memprobe.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.ProbeDetail;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import dev.memprobe.report.SampleReports;
import dev.memprobe.report.Sources;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlReportTest {

    /**
     * The bound for a 2,000-class report: about 1.3 KiB a class, names of 70 characters and each class's own figures
     * (kept, needed, allocated) beside the fork's included.
     */
    static final int TWO_THOUSAND_CLASSES_MAX_BYTES = 2_700_000;

    private static final Pattern ATTRIBUTE_INJECTED = Pattern.compile("<[a-z]+\\b[^<>]*\\sonmouseover=\"");

    @Test
    void eachCulpritNamesTheTopMethodsOfItsClassesByTheirOwnFigures() {
        String html = plain(HtmlReport.render(SampleReports.full()));

        String cumulative = html.substring(html.indexOf("id=\"culprit-2\""), html.indexOf("id=\"culprit-3\""));
        assertThat(cumulative)
                .contains("<dt>Top methods</dt>")
                .contains("#warmsTheCatalog</code> allocated 1.1 GiB, kept 254 MiB")
                .contains("#readsBack</code> allocated 102 MiB");
        String hog = html.substring(html.indexOf("id=\"culprit-1\""), html.indexOf("id=\"culprit-2\""));
        assertThat(hog).as("no method of the hog was measured").doesNotContain("Top methods");
    }

    @Test
    void putsTheVerdictFirstThenEachCulpritFindingsChartTimelineAndTables() {
        String html = plain(HtmlReport.render(SampleReports.small()));

        String body = html.substring(html.indexOf("<body>") + "<body>".length()).stripLeading();
        assertThat(body).startsWith("<header class=\"verdict culprits-found\" id=\"verdict\">");
        assertThat(count(html, "<section class=\"culprit\"")).isEqualTo(2);
        assertThat(inOrder(
                        html,
                        "id=\"verdict\"",
                        "id=\"culprit-1\"",
                        SampleReports.HOG,
                        "id=\"culprit-2\"",
                        "<section class=\"finding\">",
                        "id=\"chart\"",
                        "id=\"timeline\"",
                        "id=\"ranking\"",
                        "id=\"classes\"",
                        "id=\"settings\"",
                        "id=\"environment\""))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "culprits-found, 1 culprit kills the test JVM",
        "no-culprit, No culprit: every class ran within the limits",
        "inconclusive, Inconclusive"
    })
    void colorsTheVerdictBannerByTheVerdict(String verdict, String headline) {
        Report small = SampleReports.small();
        Report report = SampleReports.shop()
                .culprits(verdict.equals("culprits-found") ? small.culprits().subList(0, 1) : List.of())
                .verdict(verdict)
                .summary("the summary")
                .classes(small.classes())
                .probes(small.probes())
                .maxHeapMiB(256)
                .memoryLimitMiB(512)
                .build();

        String html = HtmlReport.render(report);

        assertThat(html).contains("<header class=\"verdict " + verdict + "\" id=\"verdict\">");
        assertThat(html).contains("<h1>" + headline + "</h1>");
        assertThat(stylesheet()).containsPattern("\\.verdict\\." + verdict + "\\{background:var\\(--[a-z]+\\)\\}");
    }

    @Test
    void showsEachCulpritsPollutersInFlightMethodReproductionProbesEvidenceAndAdvice() {
        String html = plain(HtmlReport.render(SampleReports.small()));

        String second = html.substring(html.indexOf("id=\"culprit-2\""), html.indexOf("<section class=\"finding\">"));
        assertThat(second)
                .contains("<span class=\"tag cumulative\">cumulative</span> killed by memprobe&#39;s memory limit")
                .contains("<code>" + SampleReports.SEARCH + "</code></td><td class=\"n\">72 MiB</td>")
                .contains("<code>" + SampleReports.INVENTORY + "</code></td><td class=\"n\">118 MiB</td>")
                .contains("#fills &amp; &lt;flushes&gt;</code>")
                .contains("<dt>Exit code</dt><dd>137</dd>")
                .contains("2 of 2 runs (probes <a href=\"#probe-4\">#4</a>, <a href=\"#probe-5\">#5</a>")
                .contains("<li>survives alone (RSS peak 290 MiB)</li>")
                .contains("<h3>Next steps</h3>")
                .contains("<li>The polluters keep memory after they finish: look for static caches.</li>");
        assertThat(inOrder(second, SampleReports.SEARCH, SampleReports.INVENTORY))
                .as("polluters in the order they ran")
                .isTrue();
    }

    @Test
    void rendersHostileNamesAndMessagesAsLiteralText() {
        String html = plain(HtmlReport.render(SampleReports.small()));

        assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "<script"))
                .as("the page's own script only")
                .isOne();
        assertThat(html).doesNotContain(SampleReports.HOSTILE);
        assertThat(html).contains("<code>" + Html.escape(SampleReports.HOSTILE) + "</code>");
        assertThat(html)
                .contains("Größe 测试 &amp; &quot;quoted&quot; x&#39; onmouseover=&quot;document[&#39;title&#39;]=");
        assertThat(html).contains("(RSS 513 MiB &gt; 512 MiB) &lt;b&gt;bold?&lt;/b&gt;");
        assertThat(html).contains("within 5% of the heap limit &lt;but&gt; survived");
        assertThat(html).contains("-Dx=&quot;&lt;y&gt;&quot;");
        assertThat(ATTRIBUTE_INJECTED.matcher(html).find())
                .as("a name broke out of an attribute")
                .isFalse();
    }

    @Test
    void escapesHostileNamesInsideAttributesToo() {
        String html = HtmlReport.render(SampleReports.small());

        assertThat(html).contains(" title=\"in flight: " + Html.escape(SampleReports.HOSTILE) + "#fills\n");
    }

    @Test
    void writesUtf8TextAsItIsWithACharsetDeclaration() throws IOException {
        StringWriter out = new StringWriter();

        HtmlReport.write(SampleReports.small(), out);

        assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(out.toString()).contains("Größe 测试").doesNotContainPattern("&#(?!39;)");
    }

    @Test
    void fetchesNothingButItsStyleSheetAndScriptBesideIt() throws IOException {
        for (Report report : List.of(SampleReports.small(), SampleReports.clean(), SampleReports.large(50))) {
            String html = HtmlReport.render(report);

            assertThat(html)
                    .doesNotContain("http://", "https://", "url(", "@import", "<img", "<iframe", "<object")
                    .doesNotContain("<embed", "srcset=", "xlink:href", "//fonts.", "<style", " style=");
            assertThat(count(html, "<link")).isOne();
            assertThat(html).contains("<link rel=\"stylesheet\" href=\"report.css\">");
            assertThat(count(html, "<script")).isOne();
            assertThat(html).contains("<script src=\"report.js\" defer></script>");
            assertThat(hrefs(html)).allMatch(href -> href.startsWith("#") || href.equals("report.css"));
        }
        assertThat(stylesheet() + script())
                .doesNotContain("http://", "https://", "url(", "@import", "eval(", "innerHTML", "fetch(");
    }

    @Test
    void linksOnlyToAnchorsThePageHas() {
        String html = HtmlReport.render(SampleReports.small());

        Set<String> ids = new TreeSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            ids.add("#" + id.group(1));
        }
        assertThat(hrefs(html))
                .isNotEmpty()
                .filteredOn(h -> !h.equals("report.css"))
                .allMatch(ids::contains);
    }

    @Test
    void keepsTwoThousandClassesUnderTheBoundAndRendersThemAll() {
        Report report = SampleReports.large(2_000);

        String html = HtmlReport.render(report);

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(TWO_THOUSAND_CLASSES_MAX_BYTES);
        assertThat(count(html, "role=\"listitem\"")).isEqualTo(2_000);
        assertThat(html).contains("id=\"overview\"").endsWith("</body></html>\n");
        String table = html.substring(html.indexOf("<table class=\"classes cards\" id=\"classes-table\""));
        assertThat(count(table.substring(0, table.indexOf("</table>")), "<tr")).isEqualTo(2_001);
        assertThat(html).contains("<details><summary>2,000 classes in run order");
    }

    @Test
    void keepsTheClassesTableOpenForSmallRuns() {
        assertThat(HtmlReport.render(SampleReports.small())).contains("<details open><summary>10 classes");
    }

    @Test
    void titlesThePageWithTheHeadlineAndProject() {
        Report report = SampleReports.small();

        assertThat(HtmlReport.render(report)).contains("<title>memprobe: 2 culprits — shop</title>");
    }

    @Test
    void saysWhenNothingRan() {
        Report report = SampleReports.shop()
                .verdict("inconclusive")
                .summary("Inconclusive: no class ran")
                .maxHeapMiB(-1)
                .memoryLimitMiB(-1)
                .build();

        String html = HtmlReport.render(report);

        assertThat(html)
                .contains("No class ran, so there is nothing to chart.")
                .contains("memprobe ran no probe.")
                .doesNotContain("<svg");
    }

    @Test
    void linksEachCulpritsSourceAndItsProbesFolderJournalAndCrashLog() {
        Report report = SampleReports.small();
        Report.CulpritEntry hog = report.culprits().get(0);
        Sources sources = new Sources(
                Map.of(
                        Sources.key(hog.victim(), hog.method()),
                        new Sources.Source(
                                "src/test/java/com/example/shop/CatalogImportTest.java",
                                21,
                                "../../src/test/java/com/example/shop/CatalogImportTest.java",
                                "frame")),
                null);
        int probe = hog.probes().get(0);
        ProbeDetail detail = new ProbeDetail(
                probe,
                "probes/probe-" + probe + "/",
                "probes/probe-" + probe + "/journal.jsonl",
                "probes/probe-" + probe + "/hs_err_pid42.log",
                null);

        String html = plain(HtmlReport.render(report, new ReportContext(sources, Map.of(probe, detail))));

        String first = html.substring(html.indexOf("id=\"culprit-1\""), html.indexOf("id=\"culprit-2\""));
        assertThat(first)
                .contains(
                        "<dt>Source</dt><dd><code><a href=\"../../src/test/java/com/example/shop/CatalogImportTest.java\">"
                                + "src/test/java/com/example/shop/CatalogImportTest.java:21</a></code></dd>")
                .contains("<a href=\"probes/probe-" + probe + "/\">folder</a>")
                .contains("<a href=\"probes/probe-" + probe + "/journal.jsonl\">journal</a>")
                .contains("<a href=\"probes/probe-" + probe + "/hs_err_pid42.log\">crash log</a>");
        assertThat(html.substring(html.indexOf("id=\"probe-" + probe + "\"")))
                .contains("<div class=\"files\"><a href=\"probes/probe-" + probe + "/\">folder</a>");
        String onGitHub = HtmlReport.render(
                report,
                new ReportContext(new Sources(sources.culprits(), "https://github.com/o/r/blob/abc/"), Map.of()));
        assertThat(onGitHub)
                .contains("<a href=\"https://github.com/o/r/blob/abc/src/test/java/com/example/shop/CatalogImportTest"
                        + ".java#L21\">");
    }

    @Test
    void drawsEachProbesMemoryOverTimeWithTheLimitsAndTheClassesRuns() {
        Report report = SampleReports.small();
        long t0 = 1_000_000;
        List<ProbeDetail.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            samples.add(new ProbeDetail.Sample(
                    t0 + 200L * i, (40L + 10 * i) << 20, i < 3 ? -1 : (30L + 5 * i) << 20, 300L << 20));
        }
        ProbeDetail.Timeline timeline = new ProbeDetail.Timeline(
                t0,
                256L << 20,
                samples,
                List.of(
                        new ProbeDetail.ClassSpan("com.example.shop.InventoryTest", t0 + 100, t0 + 1_900),
                        new ProbeDetail.ClassSpan(SampleReports.HOG, t0 + 1_900, -1)));
        int probe = report.probes().get(0).id();
        ReportContext context =
                new ReportContext(Sources.NONE, Map.of(probe, new ProbeDetail(probe, "p/", null, null, timeline)));

        String html = HtmlReport.render(report, context);

        String chart = html.substring(html.indexOf("id=\"memory-" + probe + "\""));
        chart = chart.substring(0, chart.indexOf("</details>"));
        assertThat(count(chart, "<polyline")).isEqualTo(3);
        assertThat(count(chart, "<rect class=\"span")).isEqualTo(2);
        assertThat(chart).contains("<title>com.example.shop.InventoryTest · 1.8 s</title>");
        assertThat(chart).contains("<title>" + SampleReports.HOG + " (the fork ended in it)</title>");
        assertThat(chart).contains("<line class=\"xmx\"").contains("<line class=\"limit\"");
        assertThat(chart).contains("21 samples over 4.0 s of the fork's time, 2 classes");
        assertThat(html).contains("<a href=\"#memory-" + probe + "\">memory over time</a>");
    }

    /** The page's text with the places where names may wrap taken out. */
    static String plain(String html) {
        return html.replace("<wbr>", "");
    }

    static String stylesheet() {
        StringWriter css = new StringWriter();
        try {
            HtmlReport.resource("report.css", css);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return css.toString();
    }

    static String script() {
        StringWriter js = new StringWriter();
        try {
            HtmlReport.resource("report.js", js);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return js.toString();
    }

    private static List<String> hrefs(String html) {
        List<String> hrefs = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            hrefs.add(m.group(1));
        }
        return hrefs;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    /** Whether each part occurs in {@code text}, each after the one before. */
    static boolean inOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            if (at < 0) {
                return false;
            }
            from = at + part.length();
        }
        return true;
    }
}
