package dev.memprobe.report.files;

import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one format of a report, whole, to a {@link Writer}: the writer of a {@link ReportFormat}. {@code context}
 * is what the formats that point at files beside the report show ({@link ReportContext#NONE} when nothing is known).
 */
@FunctionalInterface
public interface ReportWriter {
    void write(Report report, ReportContext context, Writer out) throws IOException;
}
