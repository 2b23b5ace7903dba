package dev.memprobe.report;

import dev.memprobe.units.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The few lines Maven prints at the end: the verdict, each culprit on a line, where the reports are. Each is one line
 * of the console: line breaks in test names are escaped ({@link ConsoleLine}).
 */
public final class ConsoleSummary {

    private ConsoleSummary() {}

    public static List<String> lines(Report report, String reportsFolder) {
        List<String> lines = new ArrayList<>();
        lines.add("memprobe: " + Headline.of(report).text() + " ("
                + report.totals().classesRun() + " of "
                + report.totals().classesInSet() + " classes run, "
                + report.totals().probes() + (report.totals().probes() == 1 ? " probe, " : " probes, ")
                + Durations.format(report.totals().wallMs()) + ")");
        for (Report.CulpritEntry c : report.culprits()) {
            StringBuilder line = new StringBuilder("  ").append(c.kind().toUpperCase(java.util.Locale.ROOT));
            line.append("  ").append(c.victim());
            if (!c.polluters().isEmpty()) {
                line.append(" after ")
                        .append(c.polluters().stream().map(ReportText::simple).collect(Collectors.joining(" + ")));
            }
            line.append("  ").append(c.cause());
            if (c.method() != null) {
                line.append(" in #").append(c.method());
            }
            if (c.kind().equals("intermittent")) {
                line.append("  (")
                        .append(c.reproduced())
                        .append(" of ")
                        .append(c.attempts())
                        .append(" runs)");
            }
            lines.add(line.toString());
            if (!c.evidence().isEmpty()) {
                lines.add("      " + c.evidence().get(0));
            }
            RetainersText.headline(c.retainers()).ifPresent(holds -> lines.add("      " + holds));
        }
        for (Report.FindingEntry f : report.findings()) {
            lines.add("  " + f.message());
        }
        ForkPlan.of(report).ifPresent(plan -> lines.add("  " + plan.summary()));
        lines.add("  Reports: " + reportsFolder + "/report.html (also report.md, report.json)");
        return lines.stream().map(ConsoleLine::of).toList();
    }
}
