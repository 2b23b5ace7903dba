package dev.memprobe.report;

import dev.memprobe.config.Durations;
import dev.memprobe.config.Size;
import java.io.IOException;
import java.io.Writer;

/** {@code report.html}: one self-contained page (no network), the verdict first. */
public final class HtmlReport {

    private HtmlReport() {}

    public static void write(Report report, Writer out) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.append("<title>memprobe: ")
                .append(esc(MarkdownReport.headline(report)))
                .append("</title>");
        h.append(
                "<style>body{font:14px/1.5 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}"
                        + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;"
                        + "text-align:left}td.n,th.n{text-align:right}code{background:#f4f4f4;padding:0 .2em}"
                        + ".culprit{border-left:4px solid #c0392b;padding:.5em 1em;margin:1em 0;background:#fdf2f1}"
                        + ".finding{border-left:4px solid #e67e22;padding:.5em 1em;margin:1em 0;background:#fef6ec}"
                        + ".ok{border-left:4px solid #27ae60;padding:.5em 1em;background:#eefaf2}</style></head><body>\n");
        h.append("<h1>memprobe: ").append(esc(MarkdownReport.headline(report))).append("</h1>\n");
        String box =
                report.verdict().equals("no-culprit") ? "ok" : report.culprits().isEmpty() ? "finding" : "culprit";
        h.append("<p class=\"")
                .append(box)
                .append("\" id=\"verdict\">")
                .append(esc(report.summary()))
                .append("</p>\n");
        for (Report.CulpritEntry c : report.culprits()) {
            h.append("<section class=\"culprit\"><h2><code>")
                    .append(esc(c.victim()))
                    .append("</code> — ");
            h.append(esc(c.kind()))
                    .append(", ")
                    .append(esc(Advice.causeText(c.cause())))
                    .append("</h2><ul>");
            if (!c.polluters().isEmpty()) {
                h.append("<li>Polluters: ");
                for (int i = 0; i < c.polluters().size(); i++) {
                    String p = c.polluters().get(i);
                    h.append(i > 0 ? ", " : "").append("<code>").append(esc(p)).append("</code>");
                    Long bytes = c.retainedBytes().get(p);
                    if (bytes != null && bytes > 0) {
                        h.append(" (left ").append(Size.format(bytes)).append(" behind)");
                    }
                }
                h.append("</li>");
            }
            if (c.method() != null) {
                h.append("<li>In flight: <code>").append(esc(c.method())).append("</code></li>");
            }
            h.append("<li>Reproduced in ").append(c.reproduced()).append(" of ").append(c.attempts());
            h.append(" runs</li>");
            for (String e : c.evidence()) {
                h.append("<li>").append(esc(e)).append("</li>");
            }
            h.append("</ul><h3>Next steps</h3><ul>");
            for (String a : c.advice()) {
                h.append("<li>").append(esc(a)).append("</li>");
            }
            h.append("</ul></section>\n");
        }
        for (Report.FindingEntry f : report.findings()) {
            h.append("<p class=\"finding\"><b>")
                    .append(esc(f.kind()))
                    .append(":</b> ")
                    .append(esc(f.message()));
            h.append("</p>\n");
        }
        h.append("<h2>Classes</h2><table><tr><th>Class</th><th>Outcome</th><th class=n>Time</th>"
                + "<th class=n>Heap peak</th><th class=n>Live heap peak</th><th class=n>RSS peak</th></tr>\n");
        for (Report.ClassEntry c : report.classes()) {
            h.append("<tr><td><code>")
                    .append(esc(c.name()))
                    .append("</code></td><td>")
                    .append(esc(c.outcome()));
            h.append("</td><td class=n>").append(c.durationMs() < 0 ? "n/a" : Durations.format(c.durationMs()));
            h.append("</td><td class=n>").append(Size.format(c.heapPeakBytes()));
            h.append("</td><td class=n>").append(Size.format(c.liveHeapPeakBytes()));
            h.append("</td><td class=n>").append(Size.format(c.rssPeakBytes())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Probes</h2><table><tr><th>#</th><th>Purpose</th><th class=n>Classes</th>"
                + "<th>Outcome</th><th class=n>Time</th></tr>\n");
        for (Report.ProbeEntry p : report.probes()) {
            h.append("<tr><td>")
                    .append(p.id())
                    .append("</td><td>")
                    .append(esc(p.purpose()))
                    .append("</td><td class=n>");
            h.append(p.classes().size()).append("</td><td>").append(esc(p.outcome()));
            if (p.cause() != null) {
                h.append(": ").append(esc(p.cause()));
            }
            h.append("</td><td class=n>").append(Durations.format(p.wallMs())).append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        out.write(h.toString());
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
