package dev.memprobe.report.files;

import dev.memprobe.report.CulpritTestResults;
import dev.memprobe.report.HeavyClasses;
import dev.memprobe.report.JsonReportWriter;
import dev.memprobe.report.MarkdownReport;
import dev.memprobe.report.Report;
import dev.memprobe.report.Sources;
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
    JSON("report.json", (report, sources, out) -> JsonReportWriter.write(report, out)),

    /** The verdict for a person: a CI step summary, a pull request comment. */
    MARKDOWN("report.md", (report, sources, out) -> MarkdownReport.write(report, out)),

    /** One self-contained page; the slowest to write, so it is written beside the others. */
    HTML("report.html", HtmlReport::write) {
        @Override
        boolean ownThread() {
            return true;
        }
    },

    /** The memory culprits' classes as Surefire patterns, for a fast job's excludesFile. */
    HEAVY_CLASSES("heavy-classes.txt", (report, sources, out) -> HeavyClasses.write(report, out)),

    /**
     * The culprits as test results in Surefire's XML schema, one failing testcase each, for CI's test pages
     * ({@code junit} in Jenkins, {@code reports:junit} in GitLab, PublishTestResults in Azure).
     */
    CULPRIT_TESTS("TEST-memprobe.xml", CulpritTestResults::write);

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

    /** Writes {@code report} in this format, pointing at the culprits' sources where the format does. */
    public void write(Report report, Sources sources, Writer out) throws IOException {
        writer.write(report, sources, out);
    }

    /** Whether {@link ReportFiles#writeAll} writes this file on a thread of its own, beside the others. */
    boolean ownThread() {
        return false;
    }
}
