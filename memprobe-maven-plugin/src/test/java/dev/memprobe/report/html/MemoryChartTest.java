package dev.memprobe.report.html;

import static dev.memprobe.report.SampleReport.MIB;
import static dev.memprobe.report.html.HtmlReportTest.count;
import static dev.memprobe.report.html.HtmlReportTest.inOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.Report;
import dev.memprobe.report.SampleReports;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryChartTest {

    @Test
    void drawsOneRowPerClassInRunOrder() {
        Report report = SampleReports.small();

        String chart = chart(report);

        assertThat(count(chart, "role=\"listitem\"")).isEqualTo(report.classes().size());
        List<String> tooltips = new ArrayList<>();
        Matcher m = Pattern.compile("role=\"listitem\" title=\"([^\n]*?)(?: \\((?:victim|polluter)\\))?\n")
                .matcher(chart);
        while (m.find()) {
            tooltips.add(m.group(1));
        }
        assertThat(tooltips)
                .containsExactlyElementsOf(report.classes().stream()
                        .map(c -> Html.escape(c.name()))
                        .toList());
    }

    @Test
    void drawsHeapPeakLiveHeapPeakAndRssPeakToScaleAsShareOfTheWidth() {
        // Limit 512 MiB -> ticks of 64 MiB -> axis to 576 MiB; 255 MiB is 44.3% of it.
        String row = row(chart(SampleReports.small()), SampleReports.HOG);

        assertThat(row)
                .contains("<rect class=\"h\" x=\"0\" y=\"2\" width=\"44.3%\" height=\"4\"/>")
                .contains("<rect class=\"l\" x=\"0\" y=\"7\" width=\"43.6%\" height=\"4\"/>")
                .contains("<rect class=\"r\" x=\"0\" y=\"12\" width=\"69.8%\" height=\"4\"/>")
                .contains("heap peak 255 MiB · live heap peak 251 MiB · RSS peak 402 MiB");
    }

    @Test
    void drawsTheHeapLimitAndTheMemoryLimitAcrossEveryRowWithTheirLabelsOnTheAxis() {
        Report report = SampleReports.small();
        String chart = chart(report);

        String overlay = chart.substring(chart.indexOf("<svg class=\"overlay\""));
        assertThat(overlay)
                .contains("<line class=\"xmx\" x1=\"44.4%\" x2=\"44.4%\" y1=\"0\" y2=\"100%\"/>")
                .contains("<line class=\"limit\" x1=\"88.9%\" x2=\"88.9%\" y1=\"0\" y2=\"100%\"/>");
        assertThat(chart).contains(">-Xmx256m</text>", ">memory limit</text>");
        assertThat(HtmlReport.render(report)).contains("max heap -Xmx256m (256 MiB)", "memory limit 512 MiB (RSS)");
    }

    @Test
    void fallsBackToTheJvmDefaultHeapAndLeavesOutLimitsThatAreNotSet() {
        Report defaultHeap = SampleReports.smallRun()
                .maxHeapMiB(-1)
                .memoryLimitMiB(-1)
                .defaultMaxHeapBytes(1L << 30)
                .build();
        Report none = SampleReports.smallRun()
                .maxHeapMiB(-1)
                .memoryLimitMiB(-1)
                .defaultMaxHeapBytes(-1)
                .build();

        assertThat(chart(defaultHeap)).contains("<line class=\"dflt\"");
        assertThat(HtmlReport.render(defaultHeap)).contains("the fork JVM&#39;s default max heap (1 GiB)");
        assertThat(chart(defaultHeap)).doesNotContain("<line class=\"xmx\"", "<line class=\"limit\"");
        assertThat(chart(none)).doesNotContain("<line class=\"xmx\"", "<line class=\"limit\"", "<line class=\"dflt\"");
        assertThat(HtmlReport.render(none)).contains("No heap or memory limit is known");
    }

    @Test
    void highlightsVictimsAndPolluters() {
        String chart = chart(SampleReports.small());

        assertThat(row(chart, SampleReports.HOG)).startsWith("<div class=\"crow victim\"");
        assertThat(row(chart, SampleReports.HOSTILE)).startsWith("<div class=\"crow victim\"");
        assertThat(row(chart, SampleReports.SEARCH)).startsWith("<div class=\"crow polluter\"");
        assertThat(row(chart, SampleReports.INVENTORY)).startsWith("<div class=\"crow polluter\"");
        assertThat(count(chart, "<div class=\"crow\" role=\"listitem\"")).isEqualTo(6);
    }

    @Test
    void saysWhichClassesWereNotMeasured() {
        String row = row(chart(SampleReports.small()), "com.example.shop.ShippingQuoteTest");

        assertThat(row).contains(">not measured</text>").doesNotContain("<rect class=\"h\"");
        assertThat(row).contains("heap peak n/a · live heap peak n/a · RSS peak n/a");
    }

    @Test
    void addsAnOverviewOfTheWholeRunOnlyWhenTheRowsScroll() {
        assertThat(HtmlReport.render(SampleReports.large(35))).doesNotContain("id=\"overview\"");

        String html = HtmlReport.render(SampleReports.large(2_000));

        String overview = html.substring(html.indexOf("id=\"overview\""), html.indexOf("id=\"chart\""));
        assertThat(overview)
                .contains("<path class=\"ov-h\"", "<path class=\"ov-l\"", "<path class=\"ov-r\"")
                .contains("<line class=\"xmx\"", "<line class=\"limit\"")
                .contains("class 2,000", "the highest of about 3 classes");
        assertThat(count(overview, "<line class=\"mark victim\"")).isEqualTo(1);
        assertThat(count(overview, "H")).as("one step per column").isGreaterThanOrEqualTo(3 * 700);
        assertThat(inOrder(html, "id=\"overview\"", "id=\"chart\"")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "MoneyTest, MoneyTest",
        "com.acme.MoneyTest, MoneyTest",
        "com.x.AVeryLongTestClassNameThatDoesNotFitTheLabelColumnTest, AVeryLongTestCla…heLabelColumnTest",
    })
    void labelsRowsWithTheSimpleNameShortenedInTheMiddle(String name, String label) {
        assertThat(MemoryChart.label(name)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({
        "1024, 1024",
        "1048576, 131072",
        "536870912, 67108864",
        "536870913, 134217728",
        "2147483648, 268435456",
    })
    void picksPowerOfTwoTicksOfAtMostEightSteps(long max, long tick) {
        assertThat(MemoryChart.tickFor(max)).isEqualTo(tick);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "67108864, 64 MiB", "805306368, 768 MiB", "1342177280, 1.25 GiB", "2048, 2 KiB"})
    void labelsTicksExactly(long bytes, String label) {
        assertThat(MemoryChart.tickLabel(bytes)).isEqualTo(label);
    }

    @Test
    void scalesTheAxisToTheLargestValueOrLimit() {
        Report report = SampleReports.small();

        MemoryChart chart = new MemoryChart(report, HtmlReport.roles(report));

        assertThat(chart.axisMax()).isEqualTo(576 * MIB);
        assertThat(chart.x(0)).isEqualTo("0%");
        assertThat(chart.x(576 * MIB)).isEqualTo("100%");
    }

    private static String chart(Report report) {
        String html = HtmlReport.render(report);
        int start = html.indexOf("<div class=\"chart classes-chart\" id=\"chart\">");
        assertThat(start).as("the page has a chart").isNotNegative();
        return html.substring(start, html.indexOf("</svg></div></div></div>", start));
    }

    private static String row(String chart, String className) {
        int title = chart.indexOf("title=\"" + Html.escape(className));
        assertThat(title).as("a row for " + className).isNotNegative();
        int start = chart.lastIndexOf("<div class=\"crow", title);
        return chart.substring(start, chart.indexOf("</div>", start));
    }
}
