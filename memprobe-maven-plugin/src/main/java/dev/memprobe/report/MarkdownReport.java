package dev.memprobe.report;

import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** {@code report.md}: the verdict for a person, short enough for a CI step summary or a pull request comment. */
public final class MarkdownReport {

    static final int CLASS_ROWS = 15;

    /** How many of the heaviest classes have their top methods named. */
    static final int TOP_CLASSES = 3;

    /** What holds the culprit's memory: each class's paths, threads, loaders and buffers, and what the dump cost. */
    private static void retainers(Report.CulpritEntry c, StringBuilder md) {
        if (c.retainers().isEmpty()) {
            return;
        }
        md.append("- What holds the memory:\n");
        for (dev.memprobe.retain.Retainers r : c.retainers()) {
            md.append("  - ")
                    .append(code(ReportText.simple(r.className())))
                    .append(" (")
                    .append(r.role());
            md.append("), ").append(text(RetainersText.dump(r))).append(":\n");
            for (dev.memprobe.retain.Retainers.Path p : r.paths()) {
                md.append("    - ").append(text(RetainersText.path(r, p))).append('\n');
            }
            for (String line : RetainersText.details(r)) {
                md.append("    - ").append(text(line)).append('\n');
            }
            if (r.skipped() != null) {
                md.append("    - ").append(text(r.skipped())).append("; the evidence's histogram is what there is\n");
            }
        }
    }

    private MarkdownReport() {}

    public static void write(Report report, Writer out) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## memprobe: ").append(Headline.of(report).text()).append("\n\n");
        md.append(text(report.summary())).append("\n\n");
        int n = 0;
        for (Report.CulpritEntry c : report.culprits()) {
            md.append("### ")
                    .append(++n)
                    .append(". ")
                    .append(code(c.victim()))
                    .append(" — ")
                    .append(c.kind());
            md.append(", ").append(text(ReportText.cause(c.cause()))).append("\n\n");
            if (!c.polluters().isEmpty()) {
                md.append("- Polluters: ");
                md.append(c.polluters().stream()
                        .map(p -> code(p) + retained(c, p))
                        .collect(Collectors.joining(", ")));
                md.append('\n');
            }
            if (c.method() != null) {
                md.append("- In flight: ")
                        .append(code(ReportText.simple(c.victim()) + "#" + c.method()))
                        .append('\n');
            }
            if (c.exitCode() != null) {
                md.append("- Exit code: ").append(c.exitCode()).append('\n');
            }
            md.append("- Reproduced in ").append(c.reproduced()).append(" of ").append(c.attempts());
            md.append(" runs (probes ");
            md.append(c.probes().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(")\n");
            md.append("- Evidence:\n");
            for (String line : c.evidence()) {
                md.append("  - ").append(text(line)).append('\n');
            }
            culpritMethods(report, c, md);
            retainers(c, md);
            md.append("- Next steps:\n");
            for (String line : c.advice()) {
                md.append("  - ").append(text(line)).append('\n');
            }
            md.append('\n');
        }
        for (Report.FindingEntry f : report.findings()) {
            md.append("> **")
                    .append(text(f.kind()))
                    .append(":** ")
                    .append(text(f.message()))
                    .append("\n\n");
        }
        if (!report.ranking().isEmpty()) {
            md.append("#### Classes by memory left behind\n\n| Class | Left behind |\n|---|---:|\n");
            for (Report.RankEntry e : report.ranking().stream().limit(10).toList()) {
                md.append("| ").append(cell(e.name())).append(" | ").append(Size.format(e.retainedBytes()));
                md.append(" |\n");
            }
            md.append('\n');
        }
        ForkPlan.of(report).ifPresent(plan -> forkPlan(plan, md));
        classes(report, md);
        md.append("<details><summary>").append(report.probes().size()).append(" probes, ");
        md.append(Durations.format(report.totals().forkMs())).append(" in forks</summary>\n\n");
        md.append("| # | Purpose | Classes | Outcome | Time |\n|---:|---|---:|---|---:|\n");
        for (Report.ProbeEntry p : report.probes()) {
            md.append("| ")
                    .append(p.id())
                    .append(" | ")
                    .append(text(p.purpose()))
                    .append(" | ");
            md.append(p.classes().size()).append(" | ").append(p.outcome());
            if (p.cause() != null) {
                md.append(": ").append(p.cause());
                if (p.inFlight() != null) {
                    md.append(" in ").append(cell(ReportText.simple(p.inFlight())));
                }
            }
            md.append(" | ").append(Durations.format(p.wallMs())).append(" |\n");
        }
        md.append("\n</details>\n\n");
        Report.Settings s = report.settings();
        Report.EnvironmentInfo e = report.environment();
        md.append("<sub>");
        md.append("Max heap ").append(s.maxHeapBytes() > 0 ? "-Xmx" + Size.toJvm(s.maxHeapBytes()) : "JVM default");
        md.append(" · memory limit ").append(s.memoryLimitBytes() > 0 ? Size.format(s.memoryLimitBytes()) : "none");
        md.append(" · strategy ").append(text(s.strategy()));
        if (s.shard() != null) {
            md.append(" · shard ").append(text(s.shard()));
        }
        md.append(" · fork JDK ").append(text(String.valueOf(e.forkJdk())));
        md.append(" · Surefire ").append(text(String.valueOf(e.surefireVersion())));
        md.append(" · memprobe ").append(text(String.valueOf(report.toolVersion())));
        md.append("</sub>\n");
        out.write(md.toString());
    }

    /** The top methods of each of the culprit's classes, by their own figures. */
    private static void culpritMethods(Report report, Report.CulpritEntry c, StringBuilder md) {
        OwnText.culpritMethods(report, c, MarkdownReport::code, MarkdownReport::text)
                .forEach((name, line) -> md.append("- Top methods of ")
                        .append(code(ReportText.simple(name)))
                        .append(": ")
                        .append(line)
                        .append('\n'));
    }

    /**
     * The classes by their own figures (what each kept and needed, apart from what the classes before it left
     * behind), with the fork's levels beside them, labelled as the fork's.
     */
    private static void classes(Report report, StringBuilder md) {
        List<Report.ClassEntry> heaviest = OwnText.heaviestFirst(report.classes()).stream()
                .limit(CLASS_ROWS)
                .toList();
        if (heaviest.isEmpty()) {
            return;
        }
        md.append("#### Classes by their own heap");
        if (report.classes().size() > CLASS_ROWS) {
            md.append(" (top ")
                    .append(CLASS_ROWS)
                    .append(" of ")
                    .append(report.classes().size())
                    .append(')');
        }
        md.append("\n\n| Class | Outcome | Time | Kept | Needed | Allocated | Fork's live heap | Fork's RSS peak |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Report.ClassEntry c : heaviest) {
            md.append("| ")
                    .append(cell(c.name()))
                    .append(" | ")
                    .append(c.outcome())
                    .append(" | ");
            md.append(c.durationMs() < 0 ? "n/a" : Durations.format(c.durationMs()))
                    .append(" | ");
            md.append(OwnText.kept(c.own())).append(" | ");
            md.append(OwnText.needed(c.own())).append(" | ");
            long allocated = c.own() != null ? c.own().allocatedBytes() : c.allocatedBytes();
            md.append(Size.format(allocated)).append(" | ");
            md.append(Size.format(c.liveHeapPeakBytes())).append(" | ");
            md.append(Size.format(c.rssPeakBytes())).append(" |\n");
        }
        md.append('\n');
        md.append("<sub>Kept: what the class left behind (the live heap after it less the live heap before it);"
                + " needed: its own peak above the live heap at its start; allocated: by its test thread."
                + " *(est.)*: estimated from the garbage collections that happened to run, an upper bound where"
                + " they were young collections that left older garbage in place"
                + " (`-Dmemprobe.exactRetained` measures it exactly); *at most*: no collection ran while it ran, an"
                + " upper bound. The fork's columns are levels while the class ran, with what earlier classes left"
                + " behind; the fork's live heap is n/a when no collection ran while the class ran, and its RSS"
                + " counts only the pages the JVM touched, which can be less than the heap in use.</sub>\n\n");
        boolean any = false;
        for (Report.ClassEntry c : heaviest.stream().limit(TOP_CLASSES).toList()) {
            String line = OwnText.methods(c, MarkdownReport::code, MarkdownReport::text);
            if (line != null) {
                if (!any) {
                    md.append("Top methods:\n\n");
                    any = true;
                }
                md.append("- ")
                        .append(code(ReportText.simple(c.name())))
                        .append(": ")
                        .append(line);
                md.append('\n');
            }
        }
        for (Report.ClassEntry c : heaviest) {
            if (c.own() != null
                    && c.own().note() != null
                    && (c.own().keptBytes() < 0 || c.own().neededBytes() < 0)) {
                md.append("- ")
                        .append(code(ReportText.simple(c.name())))
                        .append(": ")
                        .append(text(c.own().note()));
                md.append('\n');
                any = true;
            }
        }
        if (any) {
            md.append('\n');
        }
    }

    private static void forkPlan(ForkPlan plan, StringBuilder md) {
        md.append("#### Fork plan for a ")
                .append(Size.format(plan.runnerMemoryBytes()))
                .append(" runner\n\n");
        md.append("| Job | Classes | -Xmx | forkCount |\n|---|---:|---:|---:|\n");
        md.append("| fast | ").append(plan.classes()).append(" | ").append(Size.toJvm(plan.maxHeapBytes()));
        md.append(" | ").append(plan.forkCount()).append(" |\n");
        if (plan.heavyClasses() > 0) {
            md.append("| heavy (heavy-classes.txt) | ")
                    .append(plan.heavyClasses())
                    .append(" | ");
            md.append(plan.heavyMaxHeapBytes() > 0 ? Size.toJvm(plan.heavyMaxHeapBytes()) : "as now")
                    .append(" | 1 |\n");
        }
        md.append('\n');
        for (String note : plan.notes()) {
            md.append("- ").append(text(note)).append('\n');
        }
        md.append("- Each fast fork takes about ").append(Size.format(plan.perForkBytes()));
        md.append(": its heap and what the forks used beside it.\n\n");
    }

    private static String retained(Report.CulpritEntry c, String polluter) {
        Long bytes = c.retainedBytes().get(polluter);
        return bytes == null || bytes <= 0 ? "" : " (left " + Size.format(bytes) + " behind)";
    }

    /**
     * Inline code that cannot be broken out of: the fence is one backtick longer than the longest run of backticks
     * in the value, and spaced from it (CommonMark strips one space on each side).
     */
    static String code(String value) {
        String safe = value == null
                ? ""
                : value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        int longest = 0;
        int run = 0;
        for (int i = 0; i < safe.length(); i++) {
            run = safe.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = longest > 0 ? " " : "";
        return fence + pad + safe + pad + fence;
    }

    /** Inline code in a table cell: a {@code |} would end the cell, even inside code, unless escaped. */
    static String cell(String value) {
        return code(value).replace("|", "\\|");
    }

    /** Plain text with Markdown and HTML control characters escaped. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' ->
                    out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
