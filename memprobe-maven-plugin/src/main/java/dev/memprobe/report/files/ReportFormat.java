package dev.memprobe.report.files;

import dev.memprobe.report.CulpritTestResults;
import dev.memprobe.report.HeavyClasses;
import dev.memprobe.report.JsonReportWriter;
import dev.memprobe.report.MarkdownReport;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import dev.memprobe.report.html.HtmlReport;
import java.io.IOException;
import java.io.Writer;

/**
 * The report files memprobe writes into its output folder, one constant per format: its file name and its writer.
 * {@link ReportFiles#writeAll} writes them in this order, and a goal lists the files in this order. A new format is
 * a constant here and its writer.
 */
public enum ReportFormat {

    /** The contract CI parses ({@code docs/report-schema.md}). */
    JSON("report.json", (report, context, out) -> JsonReportWriter.write(report, out)),

    /** The verdict for a person: a CI step summary, a pull request comment. */
    MARKDOWN("report.md", (report, context, out) -> MarkdownReport.write(report, out)),

    /**
     * The page, with its style sheet and script as files beside it (so that it opens from a CI artifact's zip and
     * under a Content-Security-Policy of {@code default-src 'self'}); the slowest to write, so it is written beside the
     * others.
     */
    HTML("report.html", HtmlReport::write) {
        @Override
        boolean ownThread() {
            return true;
        }
    },

    /** The page's style sheet, a file beside it: a page that hosts forbid inline styles on still has its looks. */
    HTML_STYLE("report.css", (report, context, out) -> HtmlReport.resource("report.css", out)),

    /** The page's script, beside it: sorting and filtering the classes; the page works without it. */
    HTML_SCRIPT("report.js", (report, context, out) -> HtmlReport.resource("report.js", out)),

    /** The memory culprits' classes as Surefire patterns, for a fast job's excludesFile. */
    HEAVY_CLASSES("heavy-classes.txt", (report, context, out) -> HeavyClasses.write(report, out)),

    /**
     * The culprits as test results in Surefire's XML schema, one failing testcase each, for CI's test pages
     * ({@code junit} in Jenkins, {@code reports:junit} in GitLab, PublishTestResults in Azure).
     */
    CULPRIT_TESTS(
            "TEST-memprobe.xml", (report, context, out) -> CulpritTestResults.write(report, context.sources(), out));

    private final String fileName;
    private final ReportWriter writer;

    ReportFormat(String fileName, ReportWriter writer) {
        this.fileName = fileName;
        this.writer = writer;
    }

    /** The file's name in the output folder: {@code report.json}. */
    public String fileName() {
        return fileName;
    }

    /** Writes {@code report} in this format, with what the format shows beside it. */
    public void write(Report report, ReportContext context, Writer out) throws IOException {
        writer.write(report, context, out);
    }

    /** Whether {@link ReportFiles#writeAll} writes this file on a thread of its own, beside the others. */
    boolean ownThread() {
        return false;
    }
}
