package dev.memprobe.results;

import dev.memprobe.report.Report;
import dev.memprobe.report.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the culprits' tests in the project's test sources: the file of the class (the outer class's, for a nested
 * one) and the line that declares the method in flight (the class's declaration when none was). The line comes from
 * the source, not from a stack trace of the fork: a culprit's fork usually dies without one (a SIGKILL, a memory
 * limit, an error the fork could not report), and what is blamed is the test, whose declaration is where a reader
 * starts.
 */
public final class TestSources {

    private final List<Path> roots;
    private final Path repository;
    private final Path reports;

    /**
     * @param roots the project's test source folders
     * @param repository the repository's root (the workspace on CI): paths are relative to it
     * @param reports the folder the reports are written to: links are relative to it
     */
    public TestSources(List<Path> roots, Path repository, Path reports) {
        this.roots = List.copyOf(roots);
        this.repository = repository.toAbsolutePath().normalize();
        this.reports = reports.toAbsolutePath().normalize();
    }

    /** The sources of the report's culprits that can be found; a culprit whose source cannot is left out. */
    public Sources find(Report report, String webBase) {
        Map<String, Sources.Source> found = new LinkedHashMap<>();
        for (Report.CulpritEntry c : report.culprits()) {
            if (c.victim() != null) {
                locate(c.victim(), c.method()).ifPresent(s -> found.put(Sources.key(c.victim(), c.method()), s));
            }
        }
        return new Sources(found, webBase);
    }

    /** The class's file and the line of the method (or class) declaration, when the file is among the roots. */
    Optional<Sources.Source> locate(String className, String method) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        String relative = outer.replace('.', '/');
        for (Path root : roots) {
            for (String extension : List.of(".java", ".kt", ".groovy", ".scala")) {
                Path file = root.resolve(relative + extension).toAbsolutePath().normalize();
                if (Files.isRegularFile(file)) {
                    int line = line(file, simple, method);
                    String fileName = file.getFileName().toString();
                    String methodName = method == null ? "<clinit>" : name(method);
                    return Optional.of(new Sources.Source(
                            file.startsWith(repository)
                                    ? repository.relativize(file).toString().replace('\\', '/')
                                    : file.toString().replace('\\', '/'),
                            line,
                            reports.getRoot() != null && reports.getRoot().equals(file.getRoot())
                                    ? reports.relativize(file).toString().replace('\\', '/')
                                    : null,
                            className + "." + methodName + "(" + fileName + (line > 0 ? ":" + line : "") + ")"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The line that declares {@code method} (its name without the parameters or the invocation JUnit adds:
     * {@code adds(int)[2]} is {@code adds}); without a method, or when none is found, the line that declares the
     * class; -1 when neither is.
     */
    static int line(Path file, String simpleClass, String method) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (method != null) {
            String name = Pattern.quote(name(method));
            Pattern declaration = Pattern.compile("(?:\\bvoid|\\bfun|\\bdef|[\\w>\\]]\\s)\\s*(?:`" + name + "`|\""
                    + name + "\"|" + name + ")\\s*\\(");
            for (int i = 0; i < lines.size(); i++) {
                if (declaration.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        }
        Pattern type =
                Pattern.compile("\\b(?:class|object|interface|enum|record)\\s+" + Pattern.quote(simpleClass) + "\\b");
        for (int i = 0; i < lines.size(); i++) {
            if (type.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A test's method name as the source has it: before any parameter list or invocation index. */
    static String name(String method) {
        int cut = method.length();
        for (char c : new char[] {'(', '['}) {
            int at = method.indexOf(c);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        return method.substring(0, cut).trim();
    }
}
