package dev.memprobe.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the culprits' tests are in the project's sources, for the writers that point at them: GitHub's annotations
 * ({@code file=}, {@code line=}), the culprits' test results and the page's links. Found when the reports are
 * written, never part of {@code report.json} (paths differ from machine to machine).
 *
 * @param culprits each culprit's test, by {@link #key}
 * @param webBase the sources on the web at the commit that was tested ({@code https://github.com/o/r/blob/<sha>/}), to
 *     which a source's path is appended; null when not known
 */
public record Sources(Map<String, Source> culprits, String webBase) {

    /** No source known. */
    public static final Sources NONE = new Sources(Map.of(), null);

    public Sources {
        culprits = Collections.unmodifiableMap(new LinkedHashMap<>(culprits));
    }

    /**
     * A test's place in the sources.
     *
     * @param path the file, relative to the repository's root (the workspace on CI), with {@code /} between names
     * @param line the line of the test method's declaration (of the class's, when no method was in flight), or -1
     * @param link the file relative to the folder of the reports, for a link from {@code report.html}; null when
     *     there is none
     * @param frame a stack frame that names the file and line, as CI tools read them from a test's failure text
     *     ({@code com.acme.ImportTest.imports(ImportTest.java:42)})
     */
    public record Source(String path, int line, String link, String frame) {}

    /** The culprit's test, when its source was found. */
    public Optional<Source> of(Report.CulpritEntry culprit) {
        return Optional.ofNullable(culprits.get(key(culprit.victim(), culprit.method())));
    }

    /** Where a link to the source goes: the web's copy at its line, else the file beside the reports; or null. */
    public String href(Source source) {
        if (webBase != null) {
            return webBase + source.path() + (source.line() > 0 ? "#L" + source.line() : "");
        }
        return source.link();
    }

    /** The key of a culprit's test: its class and method in flight. */
    public static String key(String className, String method) {
        return className + "#" + (method == null ? "" : method);
    }
}
