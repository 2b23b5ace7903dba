package dev.memprobe.maven;

import dev.memprobe.merge.ReportMerge;
import dev.memprobe.report.ConsoleSummary;
import dev.memprobe.report.GitHubActions;
import dev.memprobe.report.files.ReportFiles;
import dev.memprobe.report.files.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the reports of the shards of one run ({@code memprobe:bisect -Dmemprobe.shard=i/n} in n CI jobs) into one
 * report, in every format, as if one job had searched the whole suite. Refuses, listing why, reports that are not
 * the shards of one run. Needs no project: run it wherever the shard reports were downloaded.
 *
 * @since 0.1.0
 */
@Mojo(name = "merge", requiresProject = false, threadSafe = true)
public class MergeMojo extends ReportGoal {

    /**
     * The shard reports: comma-separated {@code report.json} files, or folders that are searched, sub-folders too,
     * for files named {@code report.json} ({@code -Dmemprobe.reports=shards}). Relative to the project's folder (or
     * the current folder without a project). Reports inside {@code memprobe.outputDirectory} are left out.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.reports")
    private String reports;

    /**
     * Where the merged reports go: {@code report.json}, {@code report.md}, {@code report.html},
     * {@code heavy-classes.txt}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.outputDirectory", defaultValue = "${project.build.directory}/memprobe")
    private File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped("merge")) {
            return;
        }
        List<ReportMerge.Source> sources = new ArrayList<>();
        for (Path file : reportFiles()) {
            String label = relative(file);
            sources.add(new ReportMerge.Source(
                    label,
                    ReportInput.read(
                            file, "The report " + label, "pass the shard reports' paths in memprobe.reports")));
        }
        ReportMerge.Merged merged;
        try {
            merged = ReportMerge.merge(
                    sources, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        } catch (ReportMerge.MergeException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Path output = outputDirectory.toPath();
        try {
            ReportFiles.writeAll(merged.report(), output);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "memprobe cannot write the merged reports to " + relative(output) + ": " + e.getMessage()
                            + "; point memprobe.outputDirectory at a folder memprobe may write to",
                    e);
        }
        getLog().info("memprobe: merged " + sources.size() + " shard reports ("
                + merged.report().settings().shard() + ") into "
                + relative(output.resolve(ReportFormat.JSON.fileName())));
        for (String note : merged.notes()) {
            getLog().warn("memprobe: " + note);
        }
        for (String line : ConsoleSummary.lines(merged.report(), relative(output))) {
            getLog().info(line);
        }
        // on GitHub Actions the merged verdict goes to the run's summary, as bisect's does: no step needs to cat it
        try {
            GitHubActions.appendStepSummary(System.getenv(), merged.report())
                    .ifPresent(summary ->
                            getLog().info("memprobe: added the merged report to the step summary " + summary));
        } catch (IOException e) {
            throw new MojoExecutionException("memprobe cannot append to $GITHUB_STEP_SUMMARY: " + e.getMessage(), e);
        }
    }

    private List<Path> reportFiles() throws MojoExecutionException {
        if (reports == null || reports.isBlank()) {
            throw new MojoExecutionException("memprobe.reports is not set: give the shard reports to merge,"
                    + " report.json files or folders that hold them, comma-separated (e.g. -Dmemprobe.reports=shards)");
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : reports.split(",")) {
            if (!entry.isBlank()) {
                entries.add(basedir().resolve(entry.trim()));
            }
        }
        List<Path> files;
        try {
            files = ReportFiles.find(entries, outputDirectory.toPath());
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("memprobe.reports names " + relative(Path.of(e.getFile()))
                    + ", which does not exist: give the folder the shard reports were downloaded to, or their files");
        } catch (IOException e) {
            throw new MojoExecutionException("memprobe cannot search memprobe.reports=" + reports + " (" + e + ")");
        }
        if (files.isEmpty()) {
            throw new MojoExecutionException("memprobe.reports=" + reports + " holds no report.json (folders are"
                    + " searched with their sub-folders; " + relative(outputDirectory.toPath()) + ", where the merged"
                    + " report goes, is left out): download the shard reports there first");
        }
        return files;
    }
}
