package dev.memprobe.report.html;

import dev.memprobe.report.Headline;
import dev.memprobe.report.OwnText;
import dev.memprobe.report.ProbeDetail;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import dev.memprobe.report.ReportText;
import dev.memprobe.report.RetainersText;
import dev.memprobe.report.Sources;
import dev.memprobe.retain.Retainers;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: the page, readable where CI hosts it. Its style sheet and script are files beside it
 * ({@code report.css}, {@code report.js}), so that it opens from an artifact's zip and under a Content-Security-Policy
 * of {@code default-src 'self'} (Jenkins' default): no inline style or script, no font, no image, nothing fetched from
 * elsewhere. Without its script it is all there; the script sorts and filters the classes table. It escapes every
 * string that comes from the project, and names wrap only between their words. Laid out from 420 px wide to wide
 * screens, light or dark as the reader's system is.
 *
 * <p>Order: the verdict, each culprit with its evidence and next steps, the findings; then the {@link MemoryChart
 * memory chart} of every class against the limits, the {@link ProbeTimeline probe timeline}, and the {@link
 * ReportTables tables} of classes, settings and environment.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static void write(Report report, Writer out) throws IOException {
        write(report, ReportContext.NONE, out);
    }

    /** The page, with links to the culprits' sources and the probes' files and charts that {@code context} knows. */
    public static void write(Report report, ReportContext context, Writer out) throws IOException {
        out.write(render(report, context));
    }

    static String render(Report report) {
        return render(report, ReportContext.NONE);
    }

    static String render(Report report, ReportContext context) {
        Sources sources = context.sources();
        Map<String, String> roles = roles(report);
        StringBuilder h = new StringBuilder(4096 + report.classes().size() * 900);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(Html.escape(title(report))).append("</title>\n");
        h.append("<link rel=\"stylesheet\" href=\"report.css\">\n");
        h.append("<script src=\"report.js\" defer></script>\n</head><body>\n");
        verdict(report, h);
        int n = 0;
        for (Report.CulpritEntry c : report.culprits()) {
            culprit(report, c, ++n, context, h);
        }
        for (Report.FindingEntry f : report.findings()) {
            finding(f, h);
        }
        h.append("<h2 id=\"memory\">Memory per class</h2>\n");
        new MemoryChart(report, roles).render(h);
        h.append("<h2 id=\"probes\">Probes</h2>\n");
        h.append("<p class=\"sub\">Each probe ran a subset of the classes in one fresh fork under the limits;"
                + " the bar is its wall time.</p>\n");
        new ProbeTimeline(report, context).render(h);
        ReportTables tables = new ReportTables(report, roles);
        tables.ranking(h);
        tables.forkPlan(h);
        tables.classes(h);
        tables.settingsAndEnvironment(h);
        h.append("<footer>memprobe ").append(Html.escape(report.toolVersion()));
        if (report.generatedAt() != null) {
            h.append(" · generated ").append(Html.escape(report.generatedAt()));
        }
        h.append(" · report.json in the same folder has every number on this page.</footer>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The page title: {@code memprobe: 1 culprit — shop}. */
    static String title(Report report) {
        String headline = "memprobe: " + Headline.of(report).text();
        return report.project() == null ? headline : headline + " — " + report.project();
    }

    private static void verdict(Report report, StringBuilder h) {
        h.append("<header class=\"verdict ")
                .append(Html.token(report.verdict()))
                .append("\" id=\"verdict\">\n");
        h.append("<p class=\"kicker\">memprobe");
        if (report.project() != null) {
            h.append(" · ").append(Html.escape(report.project()));
        }
        h.append("</p>\n<h1>").append(Html.escape(Headline.of(report).banner())).append("</h1>\n");
        h.append("<p class=\"summary\">")
                .append(Html.wrappable(report.summary()))
                .append("</p>\n");
        Report.Totals t = report.totals();
        Report.Settings s = report.settings();
        h.append("<p class=\"totals\">").append(Html.count(t.classesRun())).append(" of ");
        h.append(Html.plural(t.classesInSet(), "class", "classes")).append(" run · ");
        h.append(Html.plural(t.probes(), "probe", "probes")).append(" · ").append(Durations.format(t.forkMs()));
        h.append(" in forks · ");
        h.append(s.maxHeapBytes() > 0 ? "-Xmx" + Size.toJvm(s.maxHeapBytes()) : "default max heap");
        h.append(" · memory limit ").append(s.memoryLimitBytes() > 0 ? Size.format(s.memoryLimitBytes()) : "none");
        h.append("</p>\n</header>\n");
    }

    private static void culprit(
            Report report, Report.CulpritEntry c, int index, ReportContext context, StringBuilder h) {
        Sources sources = context.sources();
        h.append("<section class=\"culprit\" id=\"culprit-").append(index).append("\">\n");
        h.append("<h2>")
                .append(index)
                .append(". <code>")
                .append(Html.wrappable(c.victim()))
                .append("</code>");
        if (!c.polluters().isEmpty()) {
            h.append(" after ").append(Html.plural(c.polluters().size(), "polluter", "polluters"));
        }
        h.append("</h2>\n<p class=\"what\"><span class=\"tag ")
                .append(Html.token(c.kind()))
                .append("\">");
        h.append(Html.escape(c.kind())).append("</span> ").append(Html.escape(ReportText.cause(c.cause())));
        h.append(" · ").append(kindText(c.kind()));
        h.append("</p>\n<dl>\n");
        if (c.method() != null) {
            h.append("<dt>In flight</dt><dd><code>")
                    .append(Html.simpleName(c.victim()))
                    .append('#');
            h.append(Html.wrappable(c.method())).append("</code></dd>\n");
        }
        sources.of(c).ifPresent(source -> {
            String href = sources.href(source);
            String text = Html.wrappable(source.path()) + (source.line() > 0 ? ":" + source.line() : "");
            h.append("<dt>Source</dt><dd><code>");
            h.append(href == null ? text : "<a href=\"" + Html.escape(href) + "\">" + text + "</a>");
            h.append("</code></dd>\n");
        });
        if (!c.polluters().isEmpty()) {
            h.append("<dt>Polluters</dt><dd><table class=\"polluters\"><thead><tr><th>Ran before, in this order</th>"
                    + "<th class=\"n\">Left behind</th></tr></thead><tbody>\n");
            for (String p : c.polluters()) {
                Long bytes = c.retainedBytes().get(p);
                h.append("<tr><td class=\"name\"><code>")
                        .append(Html.wrappable(p))
                        .append("</code></td><td class=\"n\">");
                h.append(bytes == null || bytes < 0 ? "n/a" : Size.format(bytes))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table></dd>\n");
        }
        if (c.exitCode() != null) {
            h.append("<dt>Exit code</dt><dd>").append(c.exitCode()).append("</dd>\n");
        }
        h.append("<dt>Reproduced</dt><dd>").append(c.reproduced()).append(" of ");
        h.append(Html.plural(c.attempts(), "run", "runs"));
        if (!c.probes().isEmpty()) {
            h.append(" (probes ");
            h.append(c.probes().stream()
                    .map(id -> "<a href=\"#probe-" + id + "\">#" + id + "</a>")
                    .collect(Collectors.joining(", ")));
            h.append(')');
        }
        h.append("</dd>\n");
        String files = c.probes().stream()
                .map(id -> context.probe(id).orElse(null))
                .filter(d -> d != null)
                .map(HtmlReport::probeFiles)
                .collect(Collectors.joining("<br>"));
        if (!files.isEmpty()) {
            h.append("<dt>Files</dt><dd>").append(files).append("</dd>\n");
        }
        if (!c.evidence().isEmpty()) {
            h.append("<dt>Evidence</dt><dd><ul>\n");
            items(c.evidence(), h);
            h.append("</ul></dd>\n");
        }
        topMethods(report, c, h);
        retainers(c, h);
        h.append("</dl>\n");
        if (!c.advice().isEmpty()) {
            h.append("<h3>Next steps</h3>\n<ol>\n");
            items(c.advice(), h);
            h.append("</ol>\n");
        }
        h.append("</section>\n");
    }

    /** The top methods of each of the culprit's classes by their own figures, a line per class that has them. */
    private static void topMethods(Report report, Report.CulpritEntry c, StringBuilder h) {
        Map<String, String> lines =
                OwnText.culpritMethods(report, c, m -> "<code>" + Html.wrappable(m) + "</code>", Html::escape);
        if (!lines.isEmpty()) {
            h.append("<dt>Top methods</dt><dd><ul>\n");
            lines.forEach((name, line) -> h.append("<li><code>")
                    .append(Html.simpleName(name))
                    .append("</code>: ")
                    .append(line)
                    .append("</li>\n"));
            h.append("</ul></dd>\n");
        }
    }

    /** A probe's folder, journal and crash log as links: {@code probe 2: folder · journal · crash log}. */
    private static String probeFiles(ProbeDetail d) {
        StringBuilder links = new StringBuilder("probe ").append(d.id()).append(": ");
        links.append("<a href=\"").append(Html.escape(d.folder())).append("\">folder</a>");
        if (d.journal() != null) {
            links.append(" · <a href=\"").append(Html.escape(d.journal())).append("\">journal</a>");
        }
        if (d.crashLog() != null) {
            links.append(" · <a href=\"").append(Html.escape(d.crashLog())).append("\">crash log</a>");
        }
        if (d.memory() != null) {
            links.append(" · <a href=\"#memory-").append(d.id()).append("\">memory over time</a>");
        }
        return links.toString();
    }

    /**
     * What holds the culprit's memory, a {@code <dt>}/{@code <dd>} of the culprit's list: each class's paths, then
     * its threads, loaders and buffers, and what its dump cost; why there is none where there is none.
     */
    private static void retainers(Report.CulpritEntry c, StringBuilder h) {
        if (c.retainers().isEmpty()) {
            return;
        }
        h.append("<dt>What holds the memory</dt><dd class=\"retainers\">\n");
        for (Retainers r : c.retainers()) {
            h.append("<p><code>").append(Html.simpleName(r.className())).append("</code> (");
            h.append(Html.escape(r.role()))
                    .append("), ")
                    .append(Html.escape(RetainersText.dump(r)))
                    .append("</p>\n<ul>\n");
            for (Retainers.Path p : r.paths()) {
                h.append("<li><code>")
                        .append(Html.wrappable(RetainersText.path(r, p)))
                        .append("</code></li>\n");
            }
            items(RetainersText.details(r), h);
            if (r.skipped() != null) {
                h.append("<li>").append(Html.escape(r.skipped())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</dd>\n");
    }

    /** One {@code <li>} a line of text, escaped. */
    private static void items(List<String> lines, StringBuilder h) {
        for (String line : lines) {
            h.append("<li>").append(Html.wrappable(line)).append("</li>\n");
        }
    }

    private static String kindText(String kind) {
        return switch (kind == null ? "" : kind) {
            case "single" -> "dies when it runs alone";
            case "cumulative" -> "survives alone, dies after the polluters";
            case "intermittent" -> "does not die every time";
            default -> Html.escape(kind);
        };
    }

    private static void finding(Report.FindingEntry f, StringBuilder h) {
        h.append("<section class=\"finding\"><b>").append(Html.escape(f.kind())).append(":</b> ");
        h.append(Html.wrappable(f.message()));
        if (!f.classes().isEmpty()) {
            h.append("<div class=\"sub\">");
            h.append(f.classes().stream()
                    .map(name -> "<code>" + Html.wrappable(name) + "</code>")
                    .collect(Collectors.joining(", ")));
            h.append("</div>");
        }
        h.append("</section>\n");
    }

    /** Each culprit class and its role, {@code victim} or {@code polluter}; a victim stays a victim. */
    static Map<String, String> roles(Report report) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (Report.CulpritEntry c : report.culprits()) {
            for (String p : c.polluters()) {
                roles.putIfAbsent(p, "polluter");
            }
        }
        for (Report.CulpritEntry c : report.culprits()) {
            if (c.victim() != null) {
                roles.put(c.victim(), "victim");
            }
        }
        return roles;
    }

    /** Copies one of the page's files (report.css, report.js) from the plugin jar to {@code out}. */
    public static void resource(String name, Writer out) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the memprobe plugin jar");
            }
            out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
