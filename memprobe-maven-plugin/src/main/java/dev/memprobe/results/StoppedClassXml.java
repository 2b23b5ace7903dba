package dev.memprobe.results;

import dev.memprobe.report.Report;
import dev.memprobe.report.Xml;
import java.util.Locale;

/**
 * A Surefire report for a class that a memory error stopped and whose fork wrote none (the fork died, or memprobe's
 * provider went on past the error before Surefire finished the class's report): one testcase, the test in flight,
 * with the error as Surefire would have written it, so that CI's test pages list the class with the others.
 */
final class StoppedClassXml {

    private StoppedClassXml() {}

    static String of(Report report, Report.ClassEntry c) {
        Report.ProbeEntry probe = report.probes().stream()
                .filter(p -> p.id() == c.probe() && c.name().equals(p.inFlight()))
                .findFirst()
                .orElse(null);
        String method = probe == null || probe.method() == null ? "memprobe: " + c.outcome() : probe.method();
        String problem = c.problem() != null
                ? c.problem()
                : probe != null && probe.evidence() != null ? probe.evidence() : c.outcome();
        int colon = problem.indexOf(": ");
        String type = colon > 0 && !problem.substring(0, colon).contains(" ")
                ? problem.substring(0, colon)
                : "memprobe." + c.outcome();
        String message = colon > 0 && type.equals(problem.substring(0, colon)) ? problem.substring(colon + 2) : problem;
        String seconds = String.format(Locale.ROOT, "%.3f", Math.max(c.durationMs(), 0) / 1000.0);
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!-- written by memprobe: probe ").append(c.probe());
        x.append(" stopped this class with a memory error before Surefire wrote its report -->\n");
        x.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        x.append(" xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/");
        x.append("surefire-test-report.xsd\" version=\"3.0.2\" name=\"").append(Xml.attribute(c.name()));
        x.append("\" time=\"").append(seconds).append("\" tests=\"").append(Math.max(c.tests(), 1));
        x.append("\" errors=\"")
                .append(Math.max(c.errors(), 1))
                .append("\" skipped=\"")
                .append(c.skipped());
        x.append("\" failures=\"").append(c.failures()).append("\">\n");
        x.append("  <testcase name=\"").append(Xml.attribute(method)).append("\" classname=\"");
        x.append(Xml.attribute(c.name())).append("\" time=\"").append(seconds).append("\">\n");
        x.append("    <error message=\"").append(Xml.attribute(message)).append("\" type=\"");
        x.append(Xml.attribute(type)).append("\">").append(Xml.text(problem));
        if (probe != null && probe.evidence() != null && !probe.evidence().equals(problem)) {
            x.append('\n').append(Xml.text(probe.evidence()));
        }
        x.append("\n(see the memprobe report, probe ").append(c.probe()).append(")</error>\n  </testcase>\n");
        x.append("</testsuite>\n");
        return x.toString();
    }
}
