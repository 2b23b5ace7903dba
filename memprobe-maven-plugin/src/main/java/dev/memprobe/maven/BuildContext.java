package dev.memprobe.maven;

import dev.memprobe.report.Report;
import dev.memprobe.run.BisectOptions;
import dev.memprobe.run.BisectRun;
import dev.memprobe.run.RunRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * What the Maven build around a bisect says, and what it takes from one: the project and its Surefire plugin, the
 * Maven that runs the goal, the user's properties; the report output on Maven's log; paths as the user finds them.
 * Read from the goal's instance once its Surefire configuration is applied.
 */
final class BuildContext {

    private final SurefireMojoSupport mojo;
    private final MojoExecution execution;
    private final MavenSession session;
    private final MavenProject project;

    BuildContext(SurefireMojoSupport mojo, MojoExecution execution) {
        this.mojo = mojo;
        this.execution = execution;
        this.session = mojo.getSession();
        this.project = mojo.getProject();
    }

    /**
     * Maven 4 keeps a goal's scope (its project, its session) on the goal's own thread: Surefire cannot start a fork
     * from another one, so forks run one at a time there.
     */
    BisectOptions oneAtATimeOnMaven4(BisectOptions options) {
        String version = session.getSystemProperties().getProperty("maven.version", "");
        if (options.parallelProbes() <= 1 || !version.startsWith("4")) {
            return options;
        }
        mojo.getLog()
                .info("memprobe: on Maven " + version + " forks run one at a time (Maven 4 keeps a goal's scope on"
                        + " its own thread)");
        return options.withParallelProbes(1);
    }

    /** The dependencies declared on maven-surefire-plugin that memprobe's forks do not get, with a warning. */
    List<String> dependenciesNotForwarded() {
        List<String> notForwarded = SurefireConfiguration.dependenciesNotForwarded(project);
        if (!notForwarded.isEmpty()) {
            mojo.getLog()
                    .warn("memprobe: maven-surefire-plugin declares dependencies that memprobe's forks do not get: "
                            + String.join(", ", notForwarded) + ". Surefire puts the JUnit Platform engines among"
                            + " them on its forks; if tests are missing or fail to start here, declare the same"
                            + " dependencies on memprobe-maven-plugin too");
        }
        return notForwarded;
    }

    /** Whether an empty test set is an error: the project's Surefire configuration or the user says so. */
    boolean failIfNoTests(SurefireConfiguration surefire) {
        return "true".equals(surefire.value("failIfNoTests")) || "true".equals(property("failIfNoTests"));
    }

    /** The project as the request names it: read after its Surefire configuration was applied to the goal. */
    RunRequest.Project project(SurefireConfiguration surefire, List<String> notForwarded) {
        return new RunRequest.Project(
                project.getGroupId() + ":" + project.getArtifactId(),
                mojo.getArgLine(),
                mojo.getRunOrder(),
                surefireTimeout(surefire),
                notForwarded);
    }

    RunRequest.Versions versions(ForkProvider provider) {
        Artifact common = mojo.getPluginArtifactMap().get("org.apache.maven.surefire:maven-surefire-common");
        Plugin projectSurefire = project.getPlugin(SurefireConfiguration.SUREFIRE);
        return new RunRequest.Versions(
                execution.getMojoDescriptor().getPluginDescriptor().getVersion(),
                common == null ? "unknown" : common.getBaseVersion(),
                projectSurefire == null ? null : projectSurefire.getVersion(),
                session.getSystemProperties().getProperty("maven.version", "unknown"),
                provider.id(),
                provider.why());
    }

    /** The report files, the metrics, the console and GitHub, through {@link ReportOutput}. */
    BisectRun.Reports reports(Path output) {
        ReportOutput out = new ReportOutput(mojo.getLog(), output, this::relative);
        return new BisectRun.Reports() {
            @Override
            public void write(Report report) throws IOException {
                out.write(report, mojo.getClass().getClassLoader(), BuildContext.this::property);
            }

            @Override
            public void announce(Report report, long defaultMaxHeap) throws IOException {
                out.announce(report, System.getenv(), System.out, defaultMaxHeap);
            }
        };
    }

    /**
     * A path as the user finds it from where Maven was started: {@code target/memprobe} in a single project,
     * {@code service/target/memprobe} for a module of a reactor built from its root.
     */
    String relative(Path path) {
        String root = session.getExecutionRootDirectory();
        return RelativePath.from(
                root != null ? Path.of(root) : project.getBasedir().toPath(), path);
    }

    /** A user property, else a system property of the build. */
    private String property(String key) {
        String value = session.getUserProperties().getProperty(key);
        return value != null ? value : session.getSystemProperties().getProperty(key);
    }

    private static Duration surefireTimeout(SurefireConfiguration surefire) {
        String seconds = surefire.value("forkedProcessTimeoutInSeconds");
        if (seconds == null) {
            return null;
        }
        try {
            long value = Long.parseLong(seconds.trim());
            return value > 0 ? Duration.ofSeconds(value) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
