package dev.memprobe.maven;

import dev.memprobe.names.NearMatches;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.surefire.api.testset.TestListResolver;

/**
 * The test selection file ({@code memprobe.testFile}): one class name or Surefire pattern a line ({@code -Dtest}
 * syntax: {@code com.acme.FooTest}, {@code **}{@code /Import*Test.java}, {@code %regex[...]}), blank lines and
 * {@code #} comments ignored. It narrows the project's Surefire test set; the order stays the order CI runs them.
 */
final class TestSelection {

    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

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
        // a class name selects exactly that class: looked up, not matched against every class (a file of thousands
        // of names against a test set of thousands would take seconds); patterns go through Surefire's resolver
        Map<String, List<Integer>> names = new HashMap<>();
        Map<Integer, TestListResolver> patterns = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String pattern = entries.get(i).pattern();
            if (isClassName(pattern)) {
                names.computeIfAbsent(pattern, n -> new ArrayList<>()).add(i);
            } else {
                patterns.put(i, new TestListResolver(pattern));
            }
        }
        for (String className : testSet) {
            boolean chosen = false;
            for (int i : names.getOrDefault(className, List.of())) {
                used[i] = true;
                chosen = true;
            }
            String classFile = patterns.isEmpty() ? null : TestListResolver.toClassFileName(className);
            for (Map.Entry<Integer, TestListResolver> pattern : patterns.entrySet()) {
                if (pattern.getValue().shouldRun(classFile, null)) {
                    used[pattern.getKey()] = true;
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

    /** A fully qualified class name ({@code com.acme.FooTest}), not a pattern: it selects that class only. */
    static boolean isClassName(String entry) {
        return CLASS_NAME.matcher(entry).matches();
    }
}
