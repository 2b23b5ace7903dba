package dev.memprobe.maven;

import dev.memprobe.report.Report;
import dev.memprobe.results.TestSources;
import dev.memprobe.run.BisectOptions;
import dev.memprobe.run.BisectRun;
import dev.memprobe.run.RunRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /**
     * The project as the request names it: read after its Surefire configuration was applied to the goal.
     *
     * @param tests where the project's Surefire reports go and whether its failing tests fail the build
     */
    RunRequest.Project project(SurefireConfiguration surefire, List<String> notForwarded, SurefireTests tests) {
        return new RunRequest.Project(
                project.getGroupId() + ":" + project.getArtifactId(),
                mojo.getArgLine(),
                mojo.getRunOrder(),
                surefireTimeout(surefire),
                notForwarded,
                tests.reportsDirectory(),
                tests.failureIgnore());
    }

    /** Where the project's Surefire reports go, and whether failing tests fail its build (testFailureIgnore). */
    record SurefireTests(Path reportsDirectory, boolean failureIgnore) {}

    /**
     * What {@code mvn test} would do with the test results: read before memprobe shapes its forks (which report into
     * the probes' folders and ignore failures, to go on). The project's {@code maven-surefire-plugin} configuration,
     * else the goal's own parameters ({@code maven.test.failure.ignore}, {@code target/surefire-reports}).
     */
    SurefireTests surefireTests(SurefireConfiguration surefire) throws org.apache.maven.plugin.MojoExecutionException {
        Object ignore = surefire.evaluated("testFailureIgnore", session, execution);
        Object reports = surefire.evaluated("reportsDirectory", session, execution);
        Path folder = reports == null
                ? mojo.getReportsDirectory().toPath()
                : project.getBasedir().toPath().resolve(String.valueOf(reports));
        boolean ignored =
                mojo.isTestFailureIgnore() || (ignore != null && Boolean.parseBoolean(String.valueOf(ignore)));
        return new SurefireTests(folder, ignored);
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
        Map<String, String> env = System.getenv();
        TestSources tests = new TestSources(testSourceRoots(), repositoryRoot(env), output);
        ReportOutput out = new ReportOutput(mojo.getLog(), output, this::relative, r -> tests.find(r, webBase(env)));
        return new BisectRun.Reports() {
            @Override
            public void write(Report report) throws IOException {
                out.write(report, mojo.getClass().getClassLoader(), BuildContext.this::property);
            }

            @Override
            public void announce(Report report, long defaultMaxHeap) throws IOException {
                out.announce(report, System.getenv(), System.out, defaultMaxHeap);
            }

            @Override
            public void testFailures(List<String> lines, boolean failBuild) {
                out.testFailures(lines, failBuild);
            }
        };
    }

    private List<Path> testSourceRoots() {
        return project.getTestCompileSourceRoots().stream().map(Path::of).toList();
    }

    /**
     * The root of the repository the project is in, which annotations name files from: the GitHub Actions workspace
     * when the project is in it, else the nearest folder up that holds {@code .git}, else where Maven was started.
     */
    Path repositoryRoot(Map<String, String> env) {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        String workspace = env.get("GITHUB_WORKSPACE");
        if (workspace != null
                && !workspace.isBlank()
                && basedir.startsWith(Path.of(workspace).toAbsolutePath())) {
            return Path.of(workspace).toAbsolutePath();
        }
        for (Path p = basedir; p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        String root = session.getExecutionRootDirectory();
        return root != null ? Path.of(root) : basedir;
    }

    /** The tested commit's files on GitHub ({@code https://github.com/o/r/blob/<sha>/}), on GitHub Actions. */
    static String webBase(Map<String, String> env) {
        String server = env.get("GITHUB_SERVER_URL");
        String repository = env.get("GITHUB_REPOSITORY");
        String sha = env.get("GITHUB_SHA");
        if (server == null || repository == null || sha == null || server.isBlank() || repository.isBlank()) {
            return null;
        }
        return server + "/" + repository + "/blob/" + sha + "/";
    }

    /**
     * A path as the user finds it from where Maven was started (the current folder): {@code target/memprobe} in a
     * single project, {@code service/target/memprobe} for a module of a reactor built from its root,
     * {@code demo/target/memprobe} for {@code mvn -f demo/pom.xml}.
     */
    String relative(Path path) {
        // the folder the user typed mvn in (user.dir): with -f demo/pom.xml that is above the project
        String cwd = System.getProperty("user.dir");
        if (cwd != null && path.toAbsolutePath().startsWith(Path.of(cwd).toAbsolutePath())) {
            return RelativePath.from(Path.of(cwd), path);
        }
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
