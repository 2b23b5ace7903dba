package dev.memprobe.report.html;

import dev.memprobe.report.ProbeDetail;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import dev.memprobe.report.ReportText;
import dev.memprobe.units.Durations;
import java.util.List;

/**
 * The probe timeline of {@code report.html}: one row per fork memprobe ran, in the order it ran them, saying which
 * subset it ran, how it ended and how long it took, with a bar proportional to its wall time coloured by how it ended,
 * and links to its folder, journal and crash log. Each row has the anchor {@code probe-<id>} that the culprit sections
 * link to. Then each probe's {@link ProbeMemoryChart memory over time}, those that ended badly open.
 */
final class ProbeTimeline {

    /** Subsets up to this size are listed class by class; larger ones by their count, first and last class. */
    static final int LISTED = 4;

    private final List<Report.ProbeEntry> probes;
    private final Report report;
    private final ReportContext context;

    ProbeTimeline(List<Report.ProbeEntry> probes) {
        this(probes, null, ReportContext.NONE);
    }

    ProbeTimeline(Report report, ReportContext context) {
        this(report.probes(), report, context);
    }

    private ProbeTimeline(List<Report.ProbeEntry> probes, Report report, ReportContext context) {
        this.probes = probes;
        this.report = report;
        this.context = context;
    }

    void render(StringBuilder h) {
        if (probes.isEmpty()) {
            h.append("<p class=\"muted\">memprobe ran no probe.</p>\n");
            return;
        }
        long longest =
                probes.stream().mapToLong(Report.ProbeEntry::wallMs).max().orElse(0);
        h.append("<table class=\"timeline cards\" id=\"timeline\"><thead><tr><th class=\"n\">#</th><th>Subset</th>"
                + "<th>Ended</th><th>Wall time</th></tr></thead><tbody>\n");
        for (Report.ProbeEntry p : probes) {
            String outcome = Html.token(p.outcome());
            h.append("<tr id=\"probe-")
                    .append(p.id())
                    .append("\" class=\"")
                    .append(outcome)
                    .append('"');
            String tooltip = tooltip(p);
            if (!tooltip.isEmpty()) {
                h.append(" title=\"").append(Html.escape(tooltip)).append('"');
            }
            h.append("><td class=\"n\" data-label=\"Probe\">").append(p.id());
            h.append("</td><td class=\"purpose\" data-label=\"Subset\">");
            h.append(Html.wrappable(p.purpose())).append("<div class=\"sub\">").append(subset(p.classes()));
            h.append("</div>");
            for (String note : p.notes()) {
                h.append("<div class=\"sub\">").append(Html.wrappable(note)).append("</div>");
            }
            context.probe(p.id()).ifPresent(d -> files(d, h));
            h.append("</td><td data-label=\"Ended\">")
                    .append(ending(p))
                    .append("</td><td class=\"wall\" data-label=\"Wall time\">");
            h.append(
                    "<svg class=\"wallbar\" aria-hidden=\"true\"><rect class=\"track\" width=\"100%\" height=\"12\"/>");
            h.append("<rect class=\"bar ").append(outcome).append("\" width=\"");
            h.append(Html.percent(Math.max(p.wallMs(), 0), Math.max(longest, 1)))
                    .append("\" height=\"12\"/></svg>");
            h.append(p.wallMs() < 0 ? "n/a" : Durations.format(p.wallMs())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        memoryOverTime(h);
    }

    /** Links to the probe's folder, journal and crash log, and to its memory chart. */
    private void files(ProbeDetail d, StringBuilder h) {
        h.append("<div class=\"files\"><a href=\"")
                .append(Html.escape(d.folder()))
                .append("\">folder</a>");
        if (d.journal() != null) {
            h.append(" · <a href=\"").append(Html.escape(d.journal())).append("\">journal</a>");
        }
        if (d.crashLog() != null) {
            h.append(" · <a href=\"").append(Html.escape(d.crashLog())).append("\">crash log</a>");
        }
        if (d.memory() != null) {
            h.append(" · <a href=\"#memory-").append(d.id()).append("\">memory over time</a>");
        }
        h.append("</div>");
    }

    /** Each probe's memory over the fork's time, the probes that did not complete open. */
    private void memoryOverTime(StringBuilder h) {
        if (report == null || context.probes().values().stream().noneMatch(d -> d.memory() != null)) {
            return;
        }
        h.append("<h2 id=\"memory-over-time\">Memory over time</h2>\n");
        h.append("<p class=\"sub\">Each probe's fork, from its start: what the heap held, what was live after each"
                + " collection and the whole process's resident memory, a sample every fifth of a second.</p>\n");
        for (Report.ProbeEntry p : probes) {
            ProbeDetail d = context.probe(p.id()).orElse(null);
            if (d == null || d.memory() == null) {
                continue;
            }
            h.append(p.outcome() != null && !p.outcome().equals("completed") ? "<details open" : "<details");
            h.append(" id=\"memory-")
                    .append(p.id())
                    .append("\"><summary>Probe ")
                    .append(p.id())
                    .append(": ");
            h.append(Html.escape(p.purpose())).append(" · ").append(ending(p)).append("</summary>\n");
            new ProbeMemoryChart(d.memory(), report).render(h, "Memory of probe " + p.id() + " over time");
            h.append("</details>\n");
        }
    }

    /** How the probe ended, escaped: the outcome as a tag, then the cause and the class and method in flight. */
    static String ending(Report.ProbeEntry p) {
        StringBuilder text = new StringBuilder();
        text.append("<span class=\"tag ").append(Html.token(p.outcome())).append("\">");
        text.append(Html.escape(p.outcome())).append("</span>");
        if (p.cause() != null) {
            text.append(' ').append(Html.escape(ReportText.cause(p.cause())));
        }
        if (p.exitCode() != null) {
            text.append(" (exit ").append(p.exitCode()).append(')');
        }
        if (p.inFlight() != null) {
            text.append(" in <code>").append(Html.simpleName(p.inFlight()));
            if (p.method() != null) {
                text.append('#').append(Html.wrappable(p.method()));
            }
            text.append("</code>");
        }
        return text.toString();
    }

    /** The classes a probe ran, escaped: each by its simple name, or the count, the first and the last. */
    static String subset(List<String> classes) {
        if (classes.isEmpty()) {
            return "no class";
        }
        StringBuilder text = new StringBuilder();
        if (classes.size() <= LISTED) {
            for (int i = 0; i < classes.size(); i++) {
                text.append(i == 0 ? "" : " → ").append(Html.simpleName(classes.get(i)));
            }
            return text.toString();
        }
        text.append(Html.plural(classes.size(), "class", "classes")).append(": ");
        text.append(Html.simpleName(classes.get(0))).append(" … ");
        text.append(Html.simpleName(classes.get(classes.size() - 1)));
        return text.toString();
    }

    private static String tooltip(Report.ProbeEntry p) {
        StringBuilder text = new StringBuilder();
        if (p.inFlight() != null) {
            text.append("in flight: ").append(p.inFlight());
            if (p.method() != null) {
                text.append('#').append(p.method());
            }
        }
        if (p.evidence() != null && !p.evidence().isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append(p.evidence());
        }
        return text.toString();
    }
}
