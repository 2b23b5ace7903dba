package dev.memprobe.maven;

import dev.memprobe.shard.Shard;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The test classes a bisect searches: Surefire's scan of the project (its includes, excludes, {@code -Dtest} and
 * {@code dependenciesToScan}), narrowed by the test selection file, then cut to the shard.
 */
final class ProjectTests {

    private final SurefireMojoSupport mojo;
    private final Function<Path, String> relative;

    ProjectTests(SurefireMojoSupport mojo, Function<Path, String> relative) {
        this.mojo = mojo;
        this.relative = relative;
    }

    /**
     * Why this module has no tests to search (a module of a reactor with main code only, or the reactor's pom), or
     * empty when it has some. A module with test sources but no compiled test classes is a mistake, not this: the
     * scan says so.
     */
    Optional<String> nothingToSearch() {
        if (scansDependencies() || mojo.getTestClassesDirectory().isDirectory()) {
            return Optional.empty();
        }
        List<String> roots = mojo.getProject().getTestCompileSourceRoots();
        for (String root : roots) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                if (files.anyMatch(Files::isRegularFile)) {
                    return Optional.empty();
                }
            } catch (IOException | UncheckedIOException e) {
                // a root that does not exist or cannot be read holds no test source
            }
        }
        return Optional.of(mojo.getProject().getGroupId() + ":"
                + mojo.getProject().getArtifactId()
                + " has no tests (no test sources"
                + (roots.isEmpty()
                        ? ""
                        : " in "
                                + roots.stream()
                                        .map(r -> relative.apply(Path.of(r)))
                                        .toList())
                + ", no compiled test classes)");
    }

    /**
     * The classes to search, in the order CI runs them; empty when no compiled class is a test by the project's
     * includes and excludes (a module of test fixtures), where {@code mvn test} says "No tests to run." and goes on.
     * That is an error, as in Surefire, when {@code -Dtest} names classes or the project sets {@code failIfNoTests}.
     */
    List<String> select(File testFile, Shard shard, File shardBalance, boolean failIfNoTests, Log log)
            throws MojoExecutionException {
        Path classes = mojo.getTestClassesDirectory().toPath();
        if (!Files.isDirectory(classes) && !scansDependencies()) {
            throw new MojoExecutionException("No compiled test classes in " + relative.apply(classes)
                    + ": compile them in the same build, e.g. mvn test-compile memprobe:bisect");
        }
        List<String> scanned = mojo.scanTestClasses();
        if (scanned.isEmpty() && mojo.getTest() == null && !failIfNoTests) {
            return List.of();
        }
        if (scanned.isEmpty()) {
            throw new MojoExecutionException("The project's Surefire test set is empty (no class in "
                    + relative.apply(classes) + " matches the includes/excludes"
                    + (mojo.getTest() == null ? " and failIfNoTests is set" : " and -Dtest=" + mojo.getTest())
                    + "): there is nothing to search");
        }
        List<String> selected = testFile == null
                ? scanned
                : TestSelection.read(testFile.toPath()).apply(scanned);
        return shard == null
                ? selected
                : ShardSelection.apply(shard, shardBalance, selected, log, f -> relative.apply(f.toPath()));
    }

    /** The line a bisect logs when {@link #select} found no test class: why it skips. */
    String noTestClass() {
        return "no class in " + relative.apply(mojo.getTestClassesDirectory().toPath())
                + " matches the Surefire includes and excludes (mvn test: \"No tests to run.\")";
    }

    private boolean scansDependencies() {
        return mojo.getDependenciesToScan() != null && mojo.getDependenciesToScan().length > 0;
    }
}
