package dev.memprobe.report.html;

import static dev.memprobe.report.html.HtmlReportTest.count;
import static dev.memprobe.report.html.HtmlReportTest.inOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.Report;
import dev.memprobe.report.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeTimelineTest {

    @Test
    void showsOneRowPerProbeInTheOrderTheyRan() {
        String timeline = timeline(SampleReports.small().probes());

        assertThat(count(timeline, "<tr id=\"probe-")).isEqualTo(8);
        assertThat(inOrder(timeline, "id=\"probe-1\"", "id=\"probe-2\"", "id=\"probe-7\"", "id=\"probe-8\""))
                .isTrue();
    }

    @Test
    void drawsEachBarInProportionToTheLongestProbeColouredByOutcome() {
        String timeline = timeline(SampleReports.small().probes());

        assertThat(row(timeline, 1)).contains("<rect class=\"bar died\" width=\"100%\" height=\"12\"/>", "21.4 s");
        assertThat(row(timeline, 2)).contains("<rect class=\"bar died\" width=\"28.5%\" height=\"12\"/>", "6.1 s");
        assertThat(row(timeline, 5)).contains("<rect class=\"bar completed\" width=\"20.1%\" height=\"12\"/>");
        assertThat(timeline)
                .as("no inline style: a Content-Security-Policy would drop it")
                .doesNotContain("style=");
    }

    @Test
    void saysHowEachProbeEnded() {
        String timeline = timeline(SampleReports.small().probes());

        assertThat(row(timeline, 1))
                .contains("<span class=\"tag died\">died</span> heap OutOfMemoryError (exit 1) in"
                        + " <code>Catalog<wbr>Import<wbr>Test#fills</code>");
        assertThat(row(timeline, 4)).contains("killed by memprobe&#39;s memory limit (exit 137)");
        assertThat(row(timeline, 5)).contains("<span class=\"tag completed\">completed</span></td>");
    }

    @Test
    void namesSmallSubsetsClassByClassAndLargeOnesByCountFirstAndLast() {
        assertThat(ProbeTimeline.subset(List.of(SampleReports.SEARCH, SampleReports.INVENTORY, SampleReports.HOG)))
                .isEqualTo("Search<wbr>Index<wbr>Test → Inventory<wbr>Test → Catalog<wbr>Import<wbr>Test");
        assertThat(ProbeTimeline.subset(SampleReports.large(2_000).classes().stream()
                        .map(Report.ClassEntry::name)
                        .toList()))
                .isEqualTo("2,000 classes: Order0000Service<wbr>Integration<wbr>Test …"
                        + " Order1999Service<wbr>Integration<wbr>Test");
        assertThat(ProbeTimeline.subset(List.of(SampleReports.HOSTILE)))
                .isEqualTo(Html.simpleName(SampleReports.HOSTILE));
    }

    @Test
    void treatsUnknownOutcomesAndMissingTimesCalmly() {
        Report.ProbeEntry odd = new Report.ProbeEntry(
                1,
                "odd\" one",
                List.of(),
                "weird\" onclick=\"x",
                null,
                null,
                null,
                null,
                null,
                -1,
                -1,
                -1,
                List.of("a note"));

        String timeline = HtmlReportTest.plain(timeline(List.of(odd)));

        assertThat(timeline)
                .contains("<tr id=\"probe-1\" class=\"other\">")
                .contains("<span class=\"tag other\">weird&quot; onclick=&quot;x</span>")
                .contains("odd&quot; one<div class=\"sub\">no class</div><div class=\"sub\">a note</div>")
                .contains("<rect class=\"bar other\" width=\"0%\"", "n/a</td>")
                .doesNotContain("onclick=\"");
    }

    private static String timeline(List<Report.ProbeEntry> probes) {
        StringBuilder h = new StringBuilder();
        new ProbeTimeline(probes).render(h);
        return h.toString();
    }

    private static String row(String timeline, int id) {
        int start = timeline.indexOf("<tr id=\"probe-" + id + "\"");
        assertThat(start).as("a row for probe " + id).isNotNegative();
        return timeline.substring(start, timeline.indexOf("</tr>", start));
    }
}
