package dev.memprobe.maven;

import dev.memprobe.bisect.Verdict;
import dev.memprobe.metrics.MetricsExport;
import dev.memprobe.report.ConsoleLine;
import dev.memprobe.report.ConsoleSummary;
import dev.memprobe.report.GitHubActions;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import dev.memprobe.report.Sources;
import dev.memprobe.report.files.ReportFiles;
import dev.memprobe.report.files.ReportFormat;
import dev.memprobe.results.ProbeDetails;
import dev.memprobe.units.Size;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/**
 * Puts a finished bisect in front of the user: the report files and metrics in the output folder, the summary on
 * Maven's console, and on GitHub Actions the step summary, an error annotation per culprit and a warning per finding.
 */
final class ReportOutput {

    private final Log log;
    private final Path folder;
    private final Function<Path, String> relative;
    private final Function<Report, Sources> sources;

    /** @param sources where a report's culprits are in the project's test sources */
    ReportOutput(Log log, Path folder, Function<Path, String> relative, Function<Report, Sources> sources) {
        this.log = log;
        this.folder = folder;
        this.relative = relative;
        this.sources = sources;
    }

    /** Every {@link ReportFormat} (report.json, report.html, ...), and the metrics the user asked for. */
    void write(Report report, ClassLoader metricsLoader, UnaryOperator<String> properties) throws IOException {
        ReportContext context =
                new ReportContext(sources.apply(report), ProbeDetails.read(report, folder.resolve("probes"), folder));
        ReportFiles.writeAll(report, context, folder);
        for (String exported : MetricsExport.export(report, folder, metricsLoader, properties)) {
            log.info("memprobe: " + exported);
        }
    }

    /**
     * Surefire's lines for the tests that failed, not of memory, as {@code mvn test} ends with them: errors when they
     * fail the build, warnings with testFailureIgnore.
     */
    void testFailures(List<String> lines, boolean failBuild) {
        String heading = failBuild
                ? "Tests failed, not of memory: they fail the build as in mvn test (Surefire's reports are copied to"
                        + " the project's surefire-reports folder)"
                : "Tests failed, not of memory; testFailureIgnore lets the build go on";
        for (String line : java.util.stream.Stream.concat(java.util.stream.Stream.of(heading), lines.stream())
                .toList()) {
            String text = ConsoleLine.of(line);
            if (failBuild) {
                log.error(text);
            } else {
                log.warn(text);
            }
        }
    }

    /**
     * The verdict and each culprit on the console (culprits as warnings), then GitHub's step summary and annotations
     * when {@code env} is a GitHub Actions job.
     *
     * @param defaultMaxHeap the forks' max heap when no limit was set, to say that it is probably larger than CI's;
     *     negative when a limit was set
     * @throws IOException when GitHub's step summary cannot be appended to
     */
    void announce(Report report, Map<String, String> env, PrintStream stdout, long defaultMaxHeap) throws IOException {
        boolean culprits = report.verdict().equals(Verdict.CULPRITS_FOUND.id());
        for (String line : ConsoleSummary.lines(report, relative.apply(folder))) {
            if (culprits && line.startsWith("  ")) {
                log.warn(line);
            } else {
                log.info(line);
            }
        }
        GitHubActions.appendStepSummary(env, report)
                .ifPresent(summary -> log.info("memprobe: added the report to the step summary " + summary));
        // workflow commands must start a line of the job's output: Maven's log prefix would hide them
        GitHubActions.workflowCommands(
                        env,
                        report,
                        sources.apply(report),
                        relative.apply(folder.resolve(ReportFormat.HTML.fileName())))
                .forEach(stdout::println);
        if (report.verdict().equals(Verdict.NO_CULPRIT.id()) && defaultMaxHeap >= 0) {
            log.info("memprobe: nothing died, but no limit was set: forks took this machine's default heap"
                    + " (about " + Size.format(defaultMaxHeap) + "), which is probably larger than CI's. Set the"
                    + " CI's limits: -Dmemprobe.maxHeap=<its -Xmx, e.g. 512m> -Dmemprobe.memoryLimit=<its memory,"
                    + " e.g. 2g>");
        }
    }
}
