package dev.memprobe.maven;

import dev.memprobe.config.NearMatches;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.surefire.api.testset.TestListResolver;

/**
 * The test selection file ({@code memprobe.testFile}): one class name or Surefire pattern a line ({@code -Dtest}
 * syntax: {@code com.acme.FooTest}, {@code **}{@code /Import*Test.java}, {@code %regex[...]}), blank lines and
 * {@code #} comments ignored. It narrows the project's Surefire test set; the order stays the order CI runs them.
 */
final class TestSelection {

    /** One entry of the file. */
    record Entry(int line, String pattern) {}

    private final Path file;
    private final List<Entry> entries;

    private TestSelection(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    static TestSelection read(Path file) throws MojoExecutionException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("memprobe.testFile " + file + " does not exist: give the path of a file"
                    + " listing one test class or Surefire pattern a line");
        } catch (MalformedInputException e) {
            throw new MojoExecutionException("memprobe.testFile " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new MojoExecutionException("memprobe.testFile " + file + " cannot be read: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            // a '#' starts a comment, except as Surefire's method separator inside a pattern ("FooTest#bar")
            String text = hash == 0 || (hash > 0 && Character.isWhitespace(line.charAt(hash - 1)))
                    ? line.substring(0, hash)
                    : line;
            text = text.trim();
            if (!text.isEmpty()) {
                entries.add(new Entry(i + 1, text));
            }
        }
        if (entries.isEmpty()) {
            throw new MojoExecutionException("memprobe.testFile " + file + " lists no test class (only blank lines"
                    + " and # comments): add one class name or Surefire pattern a line, or leave memprobe.testFile"
                    + " unset to run the whole test set");
        }
        return new TestSelection(file, entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The classes of {@code testSet} the file selects, in the test set's order.
     *
     * @throws MojoExecutionException naming every entry that matches no class, with near matches
     */
    List<String> apply(List<String> testSet) throws MojoExecutionException {
        List<String> selected = new ArrayList<>();
        boolean[] used = new boolean[entries.size()];
        List<TestListResolver> resolvers = new ArrayList<>();
        for (Entry entry : entries) {
            resolvers.add(new TestListResolver(asPattern(entry.pattern())));
        }
        for (String className : testSet) {
            String classFile = TestListResolver.toClassFileName(className);
            boolean chosen = false;
            for (int i = 0; i < resolvers.size(); i++) {
                if (resolvers.get(i).shouldRun(classFile, null)) {
                    used[i] = true;
                    chosen = true;
                }
            }
            if (chosen) {
                selected.add(className);
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!used[i]) {
                Entry entry = entries.get(i);
                List<String> near = NearMatches.of(entry.pattern(), testSet, 3);
                problems.add("line " + entry.line() + ": " + entry.pattern()
                        + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("memprobe.testFile " + file + " names "
                    + (problems.size() == 1 ? "a class that is" : problems.size() + " entries that are")
                    + " not in the project's Surefire test set (" + testSet.size() + " classes):\n  "
                    + String.join("\n  ", problems)
                    + "\nFix the names, or check the includes/excludes of maven-surefire-plugin.");
        }
        return selected;
    }

    /** A fully qualified class name becomes a path pattern, the form Surefire's resolver reads without doubt. */
    static String asPattern(String entry) {
        boolean plainName = entry.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");
        return plainName ? entry.replace('.', '/') : entry;
    }
}
