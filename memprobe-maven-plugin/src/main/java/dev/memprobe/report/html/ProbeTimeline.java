package dev.memprobe.report.html;

import dev.memprobe.report.Report;
import dev.memprobe.report.ReportText;
import dev.memprobe.units.Durations;
import java.util.List;

/**
 * The probe timeline of {@code report.html}: one row per fork memprobe ran, in the order it ran them, saying which
 * subset it ran, how it ended and how long it took, with a bar proportional to its wall time coloured by how it ended.
 * Each row has the anchor {@code probe-<id>} that the culprit sections link to.
 */
final class ProbeTimeline {

    /** Subsets up to this size are listed class by class; larger ones by their count, first and last class. */
    static final int LISTED = 4;

    private final List<Report.ProbeEntry> probes;

    ProbeTimeline(List<Report.ProbeEntry> probes) {
        this.probes = probes;
    }

    void render(StringBuilder h) {
        if (probes.isEmpty()) {
            h.append("<p class=\"muted\">memprobe ran no probe.</p>\n");
            return;
        }
        long longest =
                probes.stream().mapToLong(Report.ProbeEntry::wallMs).max().orElse(0);
        h.append("<table class=\"timeline\" id=\"timeline\"><thead><tr><th class=\"n\">#</th><th>Subset</th>"
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
            h.append("><td class=\"n\">").append(p.id()).append("</td><td class=\"purpose\">");
            h.append(Html.escape(p.purpose())).append("<div class=\"sub\">").append(subset(p.classes()));
            h.append("</div>");
            for (String note : p.notes()) {
                h.append("<div class=\"sub\">").append(Html.escape(note)).append("</div>");
            }
            h.append("</td><td>").append(ending(p)).append("</td><td class=\"wall\">");
            double share = longest <= 0 ? 0 : 100.0 * Math.max(p.wallMs(), 0) / longest;
            h.append("<span class=\"track\"><span class=\"bar ").append(outcome).append("\" style=\"width:");
            h.append(Html.num(share)).append("%\"></span></span>");
            h.append(p.wallMs() < 0 ? "n/a" : Durations.format(p.wallMs())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
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
                text.append('#').append(Html.escape(p.method()));
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
