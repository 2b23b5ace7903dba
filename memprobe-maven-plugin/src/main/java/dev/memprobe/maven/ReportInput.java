package dev.memprobe.maven;

import dev.memprobe.report.InvalidReportException;
import dev.memprobe.report.Report;
import dev.memprobe.report.files.ReportFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * A {@code report.json} a goal reads ({@code check}'s report and baseline, {@code merge}'s shards, {@code bisect}'s
 * shard balance): every way it can be unusable becomes one line that names the input and the fix.
 */
final class ReportInput {

    private ReportInput() {}

    /**
     * Reads a report.
     *
     * @param what the input, as the message starts ("memprobe.baseline main/report.json")
     * @param whenMissing the next step when the file does not exist
     */
    static Report read(Path file, String what, String whenMissing) throws MojoExecutionException {
        try {
            return ReportFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException(what + " does not exist: " + whenMissing);
        } catch (InvalidReportException e) {
            throw new MojoExecutionException(what + " is not a report memprobe can use: " + e.getMessage()
                    + (e.getMessage().contains("make it again") ? "" : "; give the report.json memprobe wrote"));
        } catch (IOException e) {
            throw new MojoExecutionException(what + " cannot be read (" + e + "): check that it is a readable file");
        }
    }
}
