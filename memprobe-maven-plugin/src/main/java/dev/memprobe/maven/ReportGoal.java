package dev.memprobe.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that work on reports without running tests ({@code check}, {@code merge}) share: the skip switches and
 * paths in messages relative to the project's folder.
 */
abstract class ReportGoal extends AbstractMojo {

    /**
     * Skips the goal ({@code memprobe.skip}), as it skips every memprobe goal. The goal also skips when tests are
     * skipped ({@code skipTests}, {@code maven.test.skip}): then {@code bisect} wrote no report.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.skip", defaultValue = "false")
    private boolean skip;

    /** Surefire's {@code skipTests}: no test ran, so there is no report. */
    @Parameter(defaultValue = "${skipTests}", readonly = true)
    private boolean skipTests;

    /** Surefire's {@code maven.test.skip}: no test was even compiled. */
    @Parameter(defaultValue = "${maven.test.skip}", readonly = true)
    private boolean skipTestsAndCompilation;

    /** The project's folder (the current folder without a project): paths in messages are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** True, after saying so in one line, when {@code memprobe.skip} is set or tests are skipped. */
    final boolean skipped(String goal) {
        if (skip) {
            getLog().info("memprobe: " + goal + " skipped (memprobe.skip=true)");
        } else if (skipTests || skipTestsAndCompilation) {
            getLog().info("memprobe: " + goal + " skipped because tests are skipped (skipTests or maven.test.skip)");
        }
        return skip || skipTests || skipTestsAndCompilation;
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
