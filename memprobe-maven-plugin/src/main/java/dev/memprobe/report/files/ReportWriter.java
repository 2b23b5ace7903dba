package dev.memprobe.report.files;

import dev.memprobe.report.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes one format of a report, whole, to a {@link Writer}: the writer of a {@link ReportFormat}. */
@FunctionalInterface
public interface ReportWriter {
    void write(Report report, Writer out) throws IOException;
}
