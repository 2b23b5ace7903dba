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
                + report.totals().classesInSet() + " classes run, in "
                + report.totals().probes() + (report.totals().probes() == 1 ? " probe, " : " probes, ")
                + Durations.format(report.totals().wallMs()) + ")");
        int n = 0;
        for (Report.CulpritEntry c : report.culprits()) {
            lines.add("  " + (report.culprits().size() == 1 ? "culprit" : "culprit " + ++n) + ": " + culprit(c));
            if (!c.evidence().isEmpty()) {
                lines.add("      why: " + c.evidence().get(0));
            }
            RetainersText.headline(c.retainers()).ifPresent(holds -> lines.add("      " + holds));
        }
        for (Report.FindingEntry f : report.findings()) {
            lines.add("  " + f.message());
        }
        ForkPlan.of(report).ifPresent(plan -> lines.add("  " + plan.summary()));
        lines.add("  Reports: " + reportsFolder + "/report.html (also report.md, report.json, TEST-memprobe.xml)");
        return lines.stream().map(ConsoleLine::of).toList();
    }

    /**
     * What a culprit is, in words: {@code com.acme.ImportTest#imports: heap OutOfMemoryError even when it runs alone
     * (a memory hog)}.
     */
    public static String culprit(Report.CulpritEntry c) {
        StringBuilder line = new StringBuilder(c.victim());
        if (c.method() != null) {
            line.append('#').append(c.method());
        }
        String cause = ReportText.cause(c.cause());
        line.append(": ").append(cause);
        switch (c.kind()) {
            case "single" -> line.append(" even when it runs alone (a memory hog)");
            case "cumulative" ->
                line.append(", but only after ")
                        .append(c.polluters().stream().map(ReportText::simple).collect(Collectors.joining(" + ")))
                        .append(
                                c.polluters().size() == 1
                                        ? " ran before it, which leaves"
                                        : " ran before it, which leave")
                        .append(" memory behind (cumulative)");
            case "intermittent" ->
                line.append(" in ")
                        .append(c.reproduced())
                        .append(" of ")
                        .append(c.attempts())
                        .append(" runs (intermittent)");
            default -> line.append(" (").append(c.kind()).append(')');
        }
        return line.toString();
    }
}
