package dev.memprobe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * {@code TEST-memprobe.xml}: the culprits as test results, in Surefire's XML report schema, so that the test pages of
 * CI (Jenkins' {@code junit}, GitLab's {@code reports:junit}, Azure's PublishTestResults, the GitHub test-report
 * actions) show them where they show failed tests. One failing {@code <testcase>} per culprit: its class the victim,
 * its name the test method in flight, the failure's {@code type} the cause ({@code heap-oom}), its {@code message}
 * the first piece of evidence and its text every piece, the polluters and the next steps. A report without a
 * culprit has one passing testcase, so that the page says memprobe looked.
 *
 * <p>When the culprit's source is known, the text ends with a stack frame that names its file and line
 * ({@code at com.acme.ImportTest.imports(ImportTest.java:42)}), which is where those tools take the line to annotate.
 */
public final class CulpritTestResults {

    static final String SCHEMA = "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    private CulpritTestResults() {}

    public static void write(Report report, Sources sources, Writer out) throws IOException {
        StringBuilder x = new StringBuilder(1024);
        int culprits = report.culprits().size();
        double seconds = report.totals().wallMs() < 0 ? 0 : report.totals().wallMs() / 1000.0;
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        x.append(" xsi:noNamespaceSchemaLocation=\"").append(SCHEMA).append("\" version=\"3.0.2\"");
        x.append(" name=\"memprobe\" time=\"").append(seconds(seconds)).append('"');
        x.append(" tests=\"").append(Math.max(culprits, 1)).append("\" errors=\"0\" skipped=\"0\"");
        x.append(" failures=\"").append(culprits).append("\">\n");
        if (culprits == 0) {
            x.append("  <testcase name=\"").append(attribute(noCulpritName(report)));
            x.append("\" classname=\"memprobe\" time=\"")
                    .append(seconds(seconds))
                    .append("\"/>\n");
        }
        for (Report.CulpritEntry c : report.culprits()) {
            x.append("  <testcase name=\"").append(attribute(name(c))).append("\" classname=\"");
            x.append(attribute(c.victim())).append("\" time=\"").append(seconds(duration(report, c.victim())));
            x.append("\">\n    <failure message=\"").append(attribute(message(c)));
            x.append("\" type=\"").append(attribute(c.cause())).append("\">");
            x.append(text(details(c, sources))).append("</failure>\n  </testcase>\n");
        }
        x.append("</testsuite>\n");
        out.write(x.toString());
    }

    /** The testcase's name: the method in flight, else what the culprit is ({@code single heap-oom}). */
    static String name(Report.CulpritEntry c) {
        return c.method() != null ? c.method() : "memprobe: " + c.kind() + " " + c.cause();
    }

    private static String noCulpritName(Report report) {
        return "memprobe: " + Headline.of(report).text() + " ("
                + report.totals().classesRun() + " classes run)";
    }

    /** What the culprit is in one line: the verdict's words and the first piece of evidence. */
    static String message(Report.CulpritEntry c) {
        String what = ReportBuilder.describe(c);
        return c.evidence().isEmpty() ? what : what + ": " + c.evidence().get(0);
    }

    private static String details(Report.CulpritEntry c, Sources sources) {
        StringBuilder text = new StringBuilder();
        text.append(ReportBuilder.describe(c)).append('\n');
        if (!c.polluters().isEmpty()) {
            text.append("after, in this order: ")
                    .append(String.join(", ", c.polluters()))
                    .append('\n');
        }
        text.append("reproduced ")
                .append(c.reproduced())
                .append(" of ")
                .append(c.attempts())
                .append(" runs\n");
        for (String e : c.evidence()) {
            text.append(e).append('\n');
        }
        for (String a : c.advice()) {
            text.append("Next: ").append(a).append('\n');
        }
        sources.of(c).ifPresent(s -> text.append("\tat ").append(s.frame()).append('\n'));
        return text.toString();
    }

    private static long duration(Report report, String victim) {
        return report.classes().stream()
                .filter(e -> e.name().equals(victim))
                .mapToLong(Report.ClassEntry::durationMs)
                .filter(ms -> ms >= 0)
                .findFirst()
                .orElse(0);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String seconds(long ms) {
        return seconds(ms / 1000.0);
    }

    private static String attribute(String value) {
        return Xml.attribute(value);
    }

    private static String text(String value) {
        return Xml.text(value);
    }
}
