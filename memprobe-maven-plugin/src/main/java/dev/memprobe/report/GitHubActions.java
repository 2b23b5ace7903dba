package dev.memprobe.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What memprobe tells GitHub Actions: {@code report.md} appended to the job's step summary, and one error annotation
 * (a {@code ::error} workflow command) per culprit, a warning annotation per finding. The environment comes in as a map, never from
 * {@link System#getenv()}, so that the caller decides and tests need no real runner.
 *
 * @see <a href="https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands">workflow
 *     commands</a>
 */
public final class GitHubActions {

    /** Set to {@code true} by every GitHub Actions runner. */
    public static final String ACTIONS = "GITHUB_ACTIONS";
    /** The file whose Markdown GitHub shows on the run's summary page. */
    public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private GitHubActions() {}

    /**
     * Appends {@code report.md}'s content to the file named by {@code GITHUB_STEP_SUMMARY}, creating it if missing.
     *
     * @return the file appended to; empty when the variable is unset or blank
     */
    public static Optional<Path> appendStepSummary(Map<String, String> env, Report report) throws IOException {
        String file = env.get(STEP_SUMMARY);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        StringWriter markdown = new StringWriter();
        MarkdownReport.write(report, markdown);
        String text = markdown.toString();
        Path summary = Path.of(file);
        if (Files.exists(summary) && Files.size(summary) > 0) {
            text = "\n" + text;
        }
        Files.writeString(
                summary,
                text,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        return Optional.of(summary);
    }

    /**
     * GitHub shows at most this many annotations of one type (error, warning) from one step and drops the rest: past
     * it, the last one says how many more the report has.
     */
    public static final int ANNOTATIONS_PER_TYPE = 10;

    /**
     * One {@code ::error file=...,line=...,title=...::message} line per culprit and one {@code ::warning} line per
     * finding (memory that adds up with no small culprit set, a class near the limit, the probe budget spent, a fork
     * stopped from outside), to print on standard output, when {@code GITHUB_ACTIONS=true}; no line otherwise. A
     * culprit whose source is known names its file (relative to the workspace) and the line of the test method, so
     * that the annotation shows on that line in the pull request's diff. At most {@value #ANNOTATIONS_PER_TYPE} of
     * each type, the last of them saying how many more there are.
     *
     * @param htmlReport where the reader finds the whole report, e.g. {@code target/memprobe/report.html}; named at
     *     the end of each message, left out when {@code null}
     */
    public static List<String> workflowCommands(Map<String, String> env, Report report, String htmlReport) {
        return workflowCommands(env, report, Sources.NONE, htmlReport);
    }

    /** As {@link #workflowCommands(Map, Report, String)}, each culprit at its test's line when its source is known. */
    public static List<String> workflowCommands(
            Map<String, String> env, Report report, Sources sources, String htmlReport) {
        if (!"true".equals(env.get(ACTIONS))) {
            return List.of();
        }
        String see = htmlReport == null ? "" : "\nSee " + htmlReport;
        List<String> errors = new ArrayList<>();
        for (Report.CulpritEntry c : report.culprits()) {
            String location = sources.of(c)
                    .map(s -> "file=" + escapeProperty(s.path()) + (s.line() > 0 ? ",line=" + s.line() : "") + ",")
                    .orElse("");
            errors.add("::error " + location + "title=" + escapeProperty(title(c)) + "::"
                    + escapeData(message(c, htmlReport)));
        }
        List<String> warnings = new ArrayList<>();
        for (Report.FindingEntry f : report.findings()) {
            warnings.add("::warning title="
                    + escapeProperty("memprobe: " + f.kind().replace('-', ' ')) + "::" + escapeData(f.message() + see));
        }
        List<String> lines = new ArrayList<>(limited(errors, "error", "culprits", see));
        lines.addAll(limited(warnings, "warning", "findings", see));
        return lines;
    }

    /** The first commands of a type, and one that says how many more there are when GitHub would drop them. */
    private static List<String> limited(List<String> commands, String type, String what, String see) {
        if (commands.size() <= ANNOTATIONS_PER_TYPE) {
            return commands;
        }
        List<String> kept = new ArrayList<>(commands.subList(0, ANNOTATIONS_PER_TYPE - 1));
        int more = commands.size() - kept.size();
        kept.add("::" + type + " title=" + escapeProperty("memprobe: " + more + " more " + what) + "::"
                + escapeData("GitHub shows " + ANNOTATIONS_PER_TYPE + " annotations of a kind per step; the report has"
                        + " all " + commands.size() + " " + what + "." + see));
        return kept;
    }

    /** {@code memprobe: HogTest kills the test JVM (single, heap OutOfMemoryError)}. */
    static String title(Report.CulpritEntry c) {
        return "memprobe: " + ReportText.simple(c.victim()) + " kills the test JVM (" + c.kind() + ", "
                + ReportText.cause(c.cause()) + ")";
    }

    /** The victim, the polluters, the evidence and the first next step, one per line. */
    static String message(Report.CulpritEntry c, String htmlReport) {
        StringBuilder text = new StringBuilder();
        text.append(c.victim());
        if (c.method() != null) {
            text.append('#').append(c.method());
        }
        text.append(": ").append(ReportText.cause(c.cause()));
        if (!c.polluters().isEmpty()) {
            text.append(" after ").append(String.join(", ", c.polluters()));
        }
        text.append(" (reproduced ")
                .append(c.reproduced())
                .append(" of ")
                .append(c.attempts())
                .append(')');
        for (String e : c.evidence()) {
            text.append('\n').append(e);
        }
        if (!c.advice().isEmpty()) {
            text.append("\nNext: ").append(c.advice().get(0));
        }
        if (htmlReport != null) {
            text.append("\nSee ").append(htmlReport);
        }
        return text.toString();
    }

    /** Escapes a workflow command's message: {@code %}, CR and LF. */
    static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command property's value: {@code %}, CR, LF, {@code :} and {@code ,}. */
    static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }
}
