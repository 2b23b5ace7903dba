package dev.memprobe.report.html;

import dev.memprobe.report.ForkPlan;
import dev.memprobe.report.OwnText;
import dev.memprobe.report.Report;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables at the end of {@code report.html}: the classes by memory left behind, every class with its measurements,
 * and the settings and environment the report was made with.
 */
final class ReportTables {

    /** Above this many classes, the classes table starts folded: the chart already shows every class. */
    static final int OPEN_ROWS = 100;

    private static final int RANKED = 10;

    private final Report report;
    private final Map<String, String> roles;

    ReportTables(Report report, Map<String, String> roles) {
        this.report = report;
        this.roles = roles;
    }

    /** The classes that left the most memory behind: what to look at first when deaths add up. */
    void ranking(StringBuilder h) {
        List<Report.RankEntry> ranked = report.ranking().stream().limit(RANKED).toList();
        if (ranked.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"ranking\">Classes by memory left behind</h2>\n");
        h.append("<table class=\"ranking cards\"><thead><tr><th>Class</th><th class=\"n\">Left behind</th></tr>"
                + "</thead><tbody>\n");
        for (Report.RankEntry e : ranked) {
            h.append("<tr").append(rowClass(e.name())).append("><td class=\"name\" data-label=\"Class\"><code>");
            h.append(Html.wrappable(e.name())).append("</code></td><td class=\"n\" data-label=\"Left behind\">");
            h.append(Size.format(e.retainedBytes())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (report.ranking().size() > RANKED) {
            h.append("<p class=\"sub\">The top ").append(RANKED).append(" of ");
            h.append(Html.count(report.ranking().size())).append("; report.json has them all.</p>\n");
        }
    }

    void classes(StringBuilder h) {
        List<Report.ClassEntry> classes = report.classes();
        h.append("<h2 id=\"classes\">Classes</h2>\n");
        if (classes.isEmpty()) {
            h.append("<p class=\"muted\">No class ran.</p>\n");
            return;
        }
        Set<Integer> probeIds =
                report.probes().stream().map(Report.ProbeEntry::id).collect(Collectors.toSet());
        boolean folded = classes.size() > OPEN_ROWS;
        h.append(folded ? "<details>" : "<details open>");
        h.append("<summary>").append(Html.plural(classes.size(), "class", "classes"));
        h.append(" in run order, measured in the first probe each ran in</summary>\n");
        h.append("<table class=\"classes cards\" id=\"classes-table\" data-sortable><thead><tr>");
        for (String[] column : COLUMNS) {
            h.append("<th")
                    .append(column[1].equals("num") ? " class=\"n\"" : "")
                    .append(" data-type=\"");
            h.append(column[1]).append("\">").append(column[0]).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        int index = 0;
        for (Report.ClassEntry c : classes) {
            h.append("<tr").append(rowClass(c.name())).append('>');
            index++;
            cell(h, "n", "#", index, String.valueOf(index));
            String problem = c.problem() == null ? "" : "<div class=\"sub\">" + Html.wrappable(c.problem()) + "</div>";
            cell(h, "name", "Class", null, "<code>" + Html.wrappable(c.name()) + "</code>" + problem);
            String outcome = Html.escape(c.outcome());
            cell(
                    h,
                    null,
                    "Outcome",
                    null,
                    "<span class=\"tag " + Html.token(c.outcome()) + "\">" + outcome + "</span>");
            cell(h, "n", "Tests", c.tests(), tests(c));
            cell(h, "n", "Time", c.durationMs(), c.durationMs() < 0 ? "n/a" : Durations.format(c.durationMs()));
            String note = c.own() == null || c.own().note() == null
                    ? ""
                    : "<div class=\"sub\">" + Html.escape(c.own().note()) + "</div>";
            cell(h, "n", "Kept", c.own() == null ? -1 : c.own().keptBytes(), Html.escape(OwnText.kept(c.own())) + note);
            cell(h, "n", "Needed", c.own() == null ? -1 : c.own().neededBytes(), Html.escape(OwnText.needed(c.own())));
            long allocated = c.own() == null ? c.allocatedBytes() : c.own().allocatedBytes();
            cell(h, "n", "Allocated", allocated, Size.format(allocated));
            cell(h, "n", "Fork's heap peak", c.heapPeakBytes(), Size.format(c.heapPeakBytes()));
            cell(h, "n", "Fork's live heap", c.liveHeapPeakBytes(), Size.format(c.liveHeapPeakBytes()));
            cell(h, "n", "Fork's RSS peak", c.rssPeakBytes(), Size.format(c.rssPeakBytes()));
            cell(h, "n", "Fork's direct", c.directPeakBytes(), Size.format(c.directPeakBytes()));
            cell(h, "n", "Fork's metaspace", c.metaspacePeakBytes(), Size.format(c.metaspacePeakBytes()));
            cell(h, "n", "Fork's threads", c.threadsPeak(), c.threadsPeak() < 0 ? "n/a" : Html.count(c.threadsPeak()));
            cell(
                    h,
                    "n",
                    "Probe",
                    c.probe(),
                    probeIds.contains(c.probe()) ? link(c.probe()) : c.probe() > 0 ? "" + c.probe() : "");
            h.append("</tr>\n");
        }
        h.append("</tbody></table></details>\n");
    }

    /** The classes table's columns: heading and how it sorts ({@code num} by each cell's value, else by text). */
    private static final String[][] COLUMNS = {
        {"#", "num"},
        {"Class", "text"},
        {"Outcome", "text"},
        {"Tests", "num"},
        {"Time", "num"},
        {"Kept", "num"},
        {"Needed", "num"},
        {"Allocated", "num"},
        {"Fork's heap peak", "num"},
        {"Fork's live heap", "num"},
        {"Fork's RSS peak", "num"},
        {"Fork's direct", "num"},
        {"Fork's metaspace", "num"},
        {"Fork's threads", "num"},
        {"Probe", "num"}
    };

    /** The fork plan, when the settings name the runner's memory. */
    void forkPlan(StringBuilder h) {
        ForkPlan.of(report).ifPresent(plan -> {
            h.append("<h2 id=\"fork-plan\">Fork plan for a ")
                    .append(Html.escape(Size.format(plan.runnerMemoryBytes())));
            h.append(" runner</h2>\n<table><thead><tr><th>Job</th><th class=\"n\">Classes</th><th class=\"n\">-Xmx</th>"
                    + "<th class=\"n\">forkCount</th></tr></thead><tbody>\n");
            h.append("<tr><td>fast</td><td class=\"n\">").append(plan.classes()).append("</td><td class=\"n\">");
            h.append(Html.escape(Size.toJvm(plan.maxHeapBytes()))).append("</td><td class=\"n\">");
            h.append(plan.forkCount()).append("</td></tr>\n");
            if (plan.heavyClasses() > 0) {
                h.append("<tr><td>heavy (heavy-classes.txt)</td><td class=\"n\">")
                        .append(plan.heavyClasses());
                h.append("</td><td class=\"n\">");
                h.append(plan.heavyMaxHeapBytes() > 0 ? Html.escape(Size.toJvm(plan.heavyMaxHeapBytes())) : "as now");
                h.append("</td><td class=\"n\">1</td></tr>\n");
            }
            h.append("</tbody></table>\n<ul>");
            for (String note : plan.notes()) {
                h.append("<li>").append(Html.escape(note)).append("</li>");
            }
            h.append("<li>Each fast fork takes about ").append(Html.escape(Size.format(plan.perForkBytes())));
            h.append(": its heap and what the forks used beside it.</li></ul>\n");
        });
    }

    void settingsAndEnvironment(StringBuilder h) {
        Report.Settings s = report.settings();
        Report.EnvironmentInfo e = report.environment();
        h.append("<div class=\"cols\"><div>\n<h2 id=\"settings\">Settings</h2>\n<table class=\"kv\"><tbody>\n");
        row(h, "Max heap", s.maxHeapBytes() > 0 ? "-Xmx" + Size.toJvm(s.maxHeapBytes()) : "JVM default");
        row(h, "Memory limit", s.memoryLimitBytes() > 0 ? Size.format(s.memoryLimitBytes()) : "none");
        row(h, "Fork timeout", s.forkTimeoutMs() > 0 ? Durations.format(s.forkTimeoutMs()) : "none");
        row(h, "Strategy", s.strategy());
        row(h, "Batch size", String.valueOf(s.batchSize()));
        row(h, "Fail fast", String.valueOf(s.failFast()));
        row(h, "Confirm runs", String.valueOf(s.confirmRuns()));
        row(h, "Max probes", String.valueOf(s.maxProbes()));
        row(h, "Parallel probes", String.valueOf(s.parallelProbes()));
        row(h, "Test file", s.testFile());
        row(h, "Shard", s.shard());
        row(h, "argLine", s.argLine());
        row(h, "Run order", s.runOrder());
        row(h, "Runner memory", size(s.runnerMemoryBytes()));
        row(h, "Exact retained", String.valueOf(s.exactRetained()));
        row(h, "Stop on GC overhead", String.valueOf(s.stopOnGcOverhead()));
        h.append(
                "</tbody></table>\n</div><div>\n<h2 id=\"environment\">Environment</h2>\n<table class=\"kv\"><tbody>\n");
        row(h, "Fork JDK", e.forkJdk());
        row(h, "Maven JDK", e.mavenJdk());
        row(h, "Maven", e.mavenVersion());
        row(h, "Surefire", e.surefireVersion());
        row(h, "Fork provider", e.forkProvider());
        row(h, "OS", e.os());
        row(h, "Cores", e.cores() > 0 ? String.valueOf(e.cores()) : null);
        row(h, "Machine memory", size(e.machineMemoryBytes()));
        row(h, "Container memory limit", size(e.containerMemoryLimitBytes()));
        row(h, "cgroup", e.cgroup());
        row(h, "Default max heap", size(e.defaultMaxHeapBytes()));
        Report.Totals t = report.totals();
        row(h, "Classes", Html.count(t.classesRun()) + " run of " + Html.count(t.classesInSet()) + " in the set");
        row(h, "Probes", Html.count(t.probes()) + ", " + Durations.format(t.forkMs()) + " in forks");
        row(h, "Wall time", Durations.format(t.wallMs()));
        h.append("</tbody></table>\n</div></div>\n");
    }

    /**
     * A cell of the classes table with {@code html}, which must already be escaped; {@code value} is what it sorts by
     * (null: its text). Where the table is shown as cards (a narrow screen), report.css labels each cell by its column
     * ({@code label}, the column's heading), so that 2,000 rows do not repeat it.
     */
    private static void cell(StringBuilder h, String css, String label, Number value, String html) {
        h.append("<td");
        if (css != null) {
            h.append(" class=\"").append(css).append('"');
        }
        if (value != null) {
            h.append(" data-value=\"").append(value).append('"');
        }
        h.append('>').append(html).append("</td>");
    }

    private static String link(int probe) {
        return "<a href=\"#probe-" + probe + "\">" + probe + "</a>";
    }

    private static void row(StringBuilder h, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        h.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.wrappable(value));
        h.append("</td></tr>\n");
    }

    private static String size(long bytes) {
        return bytes > 0 ? Size.format(bytes) : null;
    }

    private String rowClass(String className) {
        String role = roles.get(className);
        return role == null ? "" : " class=\"" + role + "\"";
    }

    private static String tests(Report.ClassEntry c) {
        StringBuilder text = new StringBuilder().append(c.tests());
        if (c.failures() > 0 || c.errors() > 0 || c.skipped() > 0) {
            text.append(" (");
            String sep = "";
            if (c.failures() > 0) {
                text.append(c.failures()).append(" failed");
                sep = ", ";
            }
            if (c.errors() > 0) {
                text.append(sep).append(c.errors()).append(c.errors() == 1 ? " error" : " errors");
                sep = ", ";
            }
            if (c.skipped() > 0) {
                text.append(sep).append(c.skipped()).append(" skipped");
            }
            text.append(')');
        }
        return text.toString();
    }
}
