package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CulpritTestResultsTest {

    private static String write(Report report, Sources sources) throws IOException {
        StringWriter out = new StringWriter();
        CulpritTestResults.write(report, sources, out);
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachCulpritIsAFailingTestcaseWithItsCauseAsTypeAndItsEvidence() throws Exception {
        Report report = SampleReports.full();

        Document xml = parse(write(report, Sources.NONE));

        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("memprobe");
        assertThat(suite.getAttribute("tests"))
                .isEqualTo(String.valueOf(report.culprits().size()));
        assertThat(suite.getAttribute("failures"))
                .isEqualTo(String.valueOf(report.culprits().size()));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(report.culprits().size());
        Element first = (Element) cases.item(0);
        Report.CulpritEntry hog = report.culprits().get(0);
        assertThat(first.getAttribute("classname")).isEqualTo(hog.victim());
        assertThat(first.getAttribute("name")).isEqualTo(hog.method());
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("heap-oom");
        assertThat(failure.getAttribute("message"))
                .isEqualTo(ReportBuilder.describe(hog) + ": " + hog.evidence().get(0));
        assertThat(failure.getTextContent())
                .contains(hog.evidence().get(1))
                .contains("Next: " + hog.advice().get(0));
        Element cumulative = (Element) cases.item(1);
        assertThat(cumulative.getElementsByTagName("failure").item(0).getTextContent())
                .contains("after, in this order: "
                        + String.join(", ", report.culprits().get(1).polluters()));
    }

    @Test
    void theTextEndsWithAFrameThatNamesTheSourceLineWhenItIsKnown() throws Exception {
        Report report = SampleReports.small();
        Report.CulpritEntry hog = report.culprits().get(0);
        String frame = hog.victim() + "." + hog.method() + "(CatalogImportTest.java:42)";
        Sources sources = new Sources(
                Map.of(Sources.key(hog.victim(), hog.method()), new Sources.Source("x.java", 42, null, frame)), null);

        Document xml = parse(write(report, sources));

        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).endsWith("\tat " + frame + "\n");
    }

    @Test
    void aReportWithoutACulpritHasOnePassingTestcase() throws Exception {
        Document xml = parse(write(SampleReports.clean(), Sources.NONE));

        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("1");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        Element only = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(only.getAttribute("classname")).isEqualTo("memprobe");
        assertThat(only.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void hostileNamesStayWellFormedText() throws Exception {
        Report report = SampleReports.small();

        Document xml = parse(write(report, Sources.NONE));

        assertThat(((Element) xml.getElementsByTagName("testcase").item(1)).getAttribute("classname"))
                .isEqualTo(report.culprits().get(1).victim());
    }
}
