package dev.memprobe.maven;

import dev.memprobe.bisect.ForkResult;
import dev.memprobe.env.Environment;
import dev.memprobe.record.ExecutionRecord;
import dev.memprobe.record.PostMortem;
import dev.memprobe.record.RecordedFork;
import dev.memprobe.record.Recording;
import dev.memprobe.record.RecordingAnalysis;
import dev.memprobe.record.RecordingReport;
import dev.memprobe.report.GitHubActions;
import dev.memprobe.report.Report;
import dev.memprobe.report.Sources;
import dev.memprobe.report.files.ReportFormat;
import dev.memprobe.units.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/**
 * Puts a module's recording in front of the user, at the end of a recorded execution and for
 * {@code memprobe:postmortem}: the report in {@code target/memprobe/record} (JSON, Markdown, HTML and the metrics
 * asked for), the GitHub step summary, and the post-mortem's lines, as one message so that a parallel build's lines do
 * not interleave with them.
 */
final class RecordingOutput {

    private final Log log;
    private final UnaryOperator<String> properties;
    private final Path executionRoot;
    private final Path basedir;

    /**
     * @param properties the build's user and system properties ({@code memprobe.runnerMemory}, the metrics' settings)
     * @param executionRoot where Maven was started: paths in messages are relative to it
     * @param basedir the module's folder
     */
    RecordingOutput(Log log, UnaryOperator<String> properties, Path executionRoot, Path basedir) {
        this.log = log;
        this.properties = properties;
        this.executionRoot = executionRoot;
        this.basedir = basedir;
    }

    /**
     * Writes the report of {@code recording} and prints the post-mortem of the executions labelled {@code labels}
     * (all of them when null).
     *
     * @param project {@code groupId:artifactId}
     * @param surefireVersion the project's own Surefire or Failsafe version, for the report's environment
     * @return the report written
     */
    Report finish(Recording recording, String project, String surefireVersion, String mavenVersion, List<String> labels)
            throws IOException {
        List<RecordingAnalysis> analyses = new ArrayList<>();
        long wall = 0;
        for (ExecutionRecord execution : recording.executions()) {
            List<RecordedFork> forks = recording.forks().stream()
                    .filter(f -> f.execution().label().equals(execution.label()))
                    .toList();
            analyses.add(RecordingAnalysis.of(execution, forks));
            if (execution.ended() > execution.started()) {
                wall += execution.ended() - execution.started();
            }
        }
        Environment machine = Environment.detect();
        String forkJdk = recording.forks().stream()
                .map(RecordedFork::result)
                .map(ForkResult::fork)
                .filter(f -> f != null)
                .map(f -> f.javaVersion() + " (" + f.vendor() + ")")
                .findFirst()
                .orElse(null);
        Report.EnvironmentInfo environment = new Report.EnvironmentInfo(
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                forkJdk,
                Environment.os(),
                machine.cores(),
                machine.machineMemory(),
                machine.containerLimit(),
                machine.cgroup(),
                machine.defaultMaxHeap(),
                surefireVersion,
                mavenVersion);
        Report report = RecordingReport.build(
                analyses,
                project,
                version(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                environment,
                runnerMemory(),
                wall);
        Path folder = recording.folder();
        // a recording's culprits are not looked up in the test sources (no annotation line, no source link)
        new ReportOutput(log, folder, this::relative, r -> Sources.NONE)
                .write(report, getClass().getClassLoader(), properties);
        GitHubActions.appendStepSummary(System.getenv(), report)
                .ifPresent(summary -> log.info("memprobe: added the recording to the step summary " + summary));
        List<String> lines = new ArrayList<>();
        boolean failed = false;
        for (RecordingAnalysis analysis : analyses) {
            if (labels == null || labels.contains(analysis.execution().label())) {
                lines.addAll(PostMortem.lines(
                        analysis,
                        RecordingReport.plan(report),
                        settle(folder),
                        relative(folder.resolve(ReportFormat.HTML.fileName()))));
                failed |= analysis.failed();
                if (analysis.listenerOff()) {
                    log.warn("memprobe: " + PostMortem.listenerOff(analysis));
                }
            }
        }
        if (!lines.isEmpty()) {
            if (failed) {
                log.error(String.join(System.lineSeparator(), lines));
            } else {
                log.info(String.join(System.lineSeparator(), lines));
            }
        }
        return report;
    }

    /** The command that bisects from the recording, run where Maven was started. */
    private String settle(Path folder) {
        String module = relative(basedir);
        String from = RelativePath.from(basedir, folder);
        return "mvn test-compile memprobe:bisect -Dmemprobe.from=" + from
                + (module.isEmpty() || basedir.toAbsolutePath().equals(executionRoot.toAbsolutePath())
                        ? ""
                        : " -pl " + module);
    }

    private String relative(Path path) {
        return RelativePath.from(executionRoot, path);
    }

    private long runnerMemory() {
        String value = properties.apply("memprobe.runnerMemory");
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Size.parse("memprobe.runnerMemory", value);
        } catch (IllegalArgumentException e) {
            log.warn("memprobe: " + e.getMessage());
            return -1;
        }
    }

    /** This memprobe's version, from its jar's Maven properties. */
    static String version() {
        try (InputStream in = RecordingOutput.class.getResourceAsStream(
                "/META-INF/maven/dev.memprobe/memprobe-maven-plugin/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
