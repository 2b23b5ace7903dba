package dev.memprobe.report.files;

import dev.memprobe.report.Report;
import dev.memprobe.report.Sources;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one format of a report, whole, to a {@link Writer}: the writer of a {@link ReportFormat}. {@code sources}
 * says where the culprits' tests are, for the formats that point at them ({@link Sources#NONE} when not known).
 */
@FunctionalInterface
public interface ReportWriter {
    void write(Report report, Sources sources, Writer out) throws IOException;
}
