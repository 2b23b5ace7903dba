package dev.memprobe.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that work on reports without running tests ({@code check}, {@code merge}) share: the skip switch and
 * paths in messages relative to the project's folder.
 */
abstract class ReportGoal extends AbstractMojo {

    /**
     * Skips the goal ({@code memprobe.skip}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.skip", defaultValue = "false")
    private boolean skip;

    /** The project's folder (the current folder without a project): paths in messages are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** True, after saying so in one line, when {@code memprobe.skip} is set. */
    final boolean skipped(String goal) {
        if (skip) {
            getLog().info("memprobe: " + goal + " skipped (memprobe.skip=true)");
        }
        return skip;
    }

    /** The project's folder, or the current folder without a project. */
    final Path basedir() {
        return basedir.toPath();
    }

    /** {@code path} as the user finds it from the project's folder. */
    final String relative(Path path) {
        return RelativePath.from(basedir.toPath(), path);
    }
}
