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

        assertThat(count(chart, "<g class=\"row")).isEqualTo(report.classes().size());
        List<String> tooltips = new ArrayList<>();
        Matcher m = Pattern.compile("<g class=\"row[^\"]*\"[^>]*><title>([^\n]*?)(?: \\((?:victim|polluter)\\))?\n")
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
    void drawsHeapPeakLiveHeapPeakAndRssPeakToScale() {
        // Limit 512 MiB -> ticks of 64 MiB -> axis to 576 MiB over 715 units from x=270.
        String row = row(chart(SampleReports.small()), SampleReports.HOG);

        assertThat(row)
                .contains("<rect class=\"h\" x=\"270\" y=\"1.5\" width=\"316.5\" height=\"4\"/>")
                .contains("<rect class=\"l\" x=\"270\" y=\"6\" width=\"311.6\" height=\"4\"/>")
                .contains("<rect class=\"r\" x=\"270\" y=\"10.5\" width=\"499\" height=\"4\"/>")
                .contains("heap peak 255 MiB · live heap peak 251 MiB · RSS peak 402 MiB");
    }

    @Test
    void drawsTheHeapLimitAndTheMemoryLimitAcrossEveryRow() {
        String chart = chart(SampleReports.small());

        assertThat(chart)
                .contains("<line class=\"xmx\" x1=\"587.8\" x2=\"587.8\" y1=\"0\" y2=\"160\">"
                        + "<title>max heap -Xmx256m (256 MiB)</title></line>")
                .contains("<line class=\"limit\" x1=\"905.6\" x2=\"905.6\" y1=\"0\" y2=\"160\">"
                        + "<title>memory limit 512 MiB (RSS)</title></line>")
                .contains(">-Xmx256m</text>", ">memory limit</text>");
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

        assertThat(chart(defaultHeap))
                .contains("<line class=\"dflt\"", "the fork JVM&#39;s default max heap (1 GiB)")
                .doesNotContain("<line class=\"xmx\"", "<line class=\"limit\"");
        assertThat(chart(none)).doesNotContain("<line class=\"xmx\"", "<line class=\"limit\"", "<line class=\"dflt\"");
        assertThat(HtmlReport.render(none)).contains("No heap or memory limit is known");
    }

    @Test
    void highlightsVictimsAndPolluters() {
        String chart = chart(SampleReports.small());

        assertThat(row(chart, SampleReports.HOG)).startsWith("<g class=\"row victim\"");
        assertThat(row(chart, SampleReports.HOSTILE)).startsWith("<g class=\"row victim\"");
        assertThat(row(chart, SampleReports.SEARCH)).startsWith("<g class=\"row polluter\"");
        assertThat(row(chart, SampleReports.INVENTORY)).startsWith("<g class=\"row polluter\"");
        assertThat(count(chart, "<g class=\"row\"")).isEqualTo(6);
    }

    @Test
    void saysWhichClassesWereNotMeasured() {
        String row = row(chart(SampleReports.small()), "com.example.shop.ShippingQuoteTest");

        assertThat(row).contains(">not measured</text>").doesNotContain("<rect class=\"h\"");
        assertThat(row).contains("heap peak n/a · live heap peak n/a · RSS peak n/a");
    }

    @Test
    void addsAnOverviewOfTheWholeRunOnlyWhenTheRowsScroll() {
        assertThat(HtmlReport.render(SampleReports.large(40))).doesNotContain("id=\"overview\"");

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
        assertThat(chart.x(0)).isEqualTo(270);
        assertThat(chart.x(576 * MIB)).isEqualTo(985);
    }

    private static String chart(Report report) {
        String html = HtmlReport.render(report);
        int start = html.indexOf("<div class=\"chart\" id=\"chart\">");
        assertThat(start).as("the page has a chart").isNotNegative();
        return html.substring(start, html.indexOf("</svg></div></div>", start));
    }

    private static String row(String chart, String className) {
        int title = chart.indexOf("<title>" + Html.escape(className));
        assertThat(title).as("a row for " + className).isNotNegative();
        int start = chart.lastIndexOf("<g class=\"row", title);
        return chart.substring(start, chart.indexOf("</g>", start));
    }
}
