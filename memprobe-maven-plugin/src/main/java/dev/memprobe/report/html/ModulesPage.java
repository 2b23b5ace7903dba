package dev.memprobe.report.html;

import dev.memprobe.report.Headline;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code index.html} at the root of a multi-module build: one row per module, its verdict, culprits and totals, linking
 * to the module's own {@code report.html}; a module without a report says why. The same style sheet as the reports.
 */
public final class ModulesPage {

    /**
     * One module of the build.
     *
     * @param module {@code groupId:artifactId}
     * @param href its report.html, relative to the page's folder
     * @param report its report, or null when it has none
     * @param absence why it has none, when it has none
     */
    public record Module(String module, String href, Report report, String absence) {}

    private ModulesPage() {}

    public static void write(String project, List<Module> modules, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(2048);
        long culprits = modules.stream()
                .filter(m -> m.report() != null)
                .mapToLong(m -> m.report().culprits().size())
                .sum();
        long reports = modules.stream().filter(m -> m.report() != null).count();
        String verdict = culprits > 0 ? "culprits-found" : "no-culprit";
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>memprobe: ").append(Html.escape(project)).append(", ");
        h.append(Html.plural(modules.size(), "module", "modules")).append("</title>\n");
        h.append("<link rel=\"stylesheet\" href=\"report.css\">\n</head><body>\n");
        h.append("<header class=\"verdict ")
                .append(verdict)
                .append("\" id=\"verdict\">\n<p class=\"kicker\">memprobe · ");
        h.append(Html.escape(project)).append("</p>\n<h1>");
        h.append(
                culprits == 0
                        ? "No culprit in " + Html.plural(reports, "module", "modules")
                        : Html.plural(culprits, "culprit", "culprits") + " in "
                                + Html.plural(reports, "module", "modules") + " searched");
        h.append("</h1>\n<p class=\"summary\">Each module was searched on its own, with its own forks; its page has"
                + " the details.</p>\n</header>\n");
        h.append(
                "<table class=\"modules cards\"><thead><tr><th>Module</th><th>Verdict</th><th class=\"n\">Culprits</th>"
                        + "<th class=\"n\">Classes run</th><th class=\"n\">Probes</th></tr></thead><tbody>\n");
        for (Module m : modules) {
            Report r = m.report();
            h.append("<tr")
                    .append(r != null && !r.culprits().isEmpty() ? " class=\"victim\"" : "")
                    .append('>');
            h.append("<td class=\"name\" data-label=\"Module\"><code>");
            if (r != null) {
                h.append("<a href=\"")
                        .append(Html.escape(m.href()))
                        .append("\">")
                        .append(Html.wrappable(m.module()));
                h.append("</a>");
            } else {
                h.append(Html.wrappable(m.module()));
            }
            h.append("</code></td><td data-label=\"Verdict\"><div>");
            if (r == null) {
                h.append("<span class=\"muted\">")
                        .append(Html.escape(m.absence()))
                        .append("</span></div></td>");
                h.append(
                        "<td class=\"n\" data-label=\"Culprits\"></td><td class=\"n\" data-label=\"Classes run\"></td>");
                h.append("<td class=\"n\" data-label=\"Probes\"></td></tr>\n");
                continue;
            }
            h.append(Html.escape(Headline.of(r).text()));
            for (Report.CulpritEntry c : r.culprits()) {
                h.append("<div class=\"sub\"><code>")
                        .append(Html.wrappable(c.victim()))
                        .append("</code> ");
                h.append(Html.escape(ReportText.cause(c.cause())))
                        .append(" (")
                        .append(Html.escape(c.kind()))
                        .append(")</div>");
            }
            h.append("</div></td><td class=\"n\" data-label=\"Culprits\">")
                    .append(r.culprits().size());
            h.append("</td><td class=\"n\" data-label=\"Classes run\">")
                    .append(Html.count(r.totals().classesRun()));
            h.append("</td><td class=\"n\" data-label=\"Probes\">")
                    .append(Html.count(r.totals().probes()));
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<footer>memprobe · each module's report.json has every number.</footer>\n");
        h.append("</body></html>\n");
        out.write(h.toString());
    }
}
