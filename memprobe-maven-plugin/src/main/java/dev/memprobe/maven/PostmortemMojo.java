package dev.memprobe.maven;

import dev.memprobe.record.CgroupMemory;
import dev.memprobe.record.ExecutionRecord;
import dev.memprobe.record.Recording;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Reads the recording of the last build ({@code -Dmemprobe.record}) and prints its post-mortem, without running a
 * test: for the build whose Maven JVM was itself killed (the OOM killer takes the largest process), which could print
 * nothing. The journals were written line by line and are on disk. Writes the recording's report to
 * {@code target/memprobe/record}. Run it as a CI step on failure ({@code if: failure()} on GitHub Actions,
 * {@code when: on_failure} on GitLab): {@code mvn memprobe:postmortem}.
 *
 * @since 0.1.0
 */
@Mojo(name = "postmortem", threadSafe = true)
public class PostmortemMojo extends AbstractMojo {

    /**
     * The module's build folder, where the recording is ({@code target/memprobe/record}).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /**
     * Skips the goal ({@code memprobe.skip}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("memprobe: postmortem skipped (memprobe.skip=true)");
            return;
        }
        Path folder = Recording.folderOf(buildDirectory.toPath());
        if (!Files.isDirectory(folder)) {
            getLog().info("memprobe: no recording in " + relative(folder)
                    + " (record a build with -Dmemprobe.record and memprobe-maven-plugin as an extension)");
            return;
        }
        Recording recording = Recording.read(folder, CgroupMemory.current());
        recording.notes().forEach(note -> getLog().warn("memprobe: " + note));
        if (recording.executions().isEmpty()) {
            getLog().info("memprobe: no recorded execution in " + relative(folder));
            return;
        }
        ExecutionRecord first = recording.executions().get(0);
        try {
            new RecordingOutput(
                            getLog(),
                            this::property,
                            root(),
                            project.getBasedir().toPath())
                    .finish(
                            recording,
                            first.project(),
                            first.pluginVersion(),
                            session.getSystemProperties().getProperty("maven.version", "unknown"),
                            null);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "memprobe cannot write the recording's report to " + relative(folder) + ": " + e.getMessage(), e);
        }
    }

    private Path root() {
        String root = session.getExecutionRootDirectory();
        return root != null ? Path.of(root) : project.getBasedir().toPath();
    }

    private String relative(Path path) {
        return RelativePath.from(root(), path);
    }

    private String property(String key) {
        String value = session.getUserProperties().getProperty(key);
        return value != null ? value : session.getSystemProperties().getProperty(key);
    }
}
