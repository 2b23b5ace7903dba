package dev.memprobe.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.SampleReports;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModulesPageTest {

    @Test
    void linksEveryModulesReportWithItsVerdictAndSaysWhyAModuleHasNone() throws IOException {
        StringWriter out = new StringWriter();

        ModulesPage.write(
                "com.acme:shop-parent",
                List.of(
                        new ModulesPage.Module(
                                "com.acme:service",
                                "../../service/target/memprobe/report.html",
                                SampleReports.small(),
                                null),
                        new ModulesPage.Module(
                                "com.acme:web", "../../web/target/memprobe/report.html", SampleReports.clean(), null),
                        new ModulesPage.Module("com.acme:lib", "x", null, "no report (no tests, or not searched yet)")),
                out);

        String html = HtmlReportTest.plain(out.toString());
        assertThat(html).contains("<h1>2 culprits in 2 modules searched</h1>");
        assertThat(html).contains("<a href=\"../../service/target/memprobe/report.html\">com.acme:service</a>");
        assertThat(html).contains("<a href=\"../../web/target/memprobe/report.html\">com.acme:web</a>");
        assertThat(html).contains("<code>com.acme:lib</code>").contains("no report (no tests, or not searched yet)");
        assertThat(html).contains("<code>" + SampleReports.HOG + "</code> heap OutOfMemoryError (single)");
        assertThat(html)
                .contains("<link rel=\"stylesheet\" href=\"report.css\">")
                .doesNotContain("<script", " style=");
    }
}
