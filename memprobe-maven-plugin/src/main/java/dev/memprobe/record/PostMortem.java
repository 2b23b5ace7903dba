package dev.memprobe.record;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.Growth;
import dev.memprobe.report.ForkPlan;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few lines memprobe prints when a recorded fork died, at the end of the execution and before Maven's own error:
 * which fork died, of what and while which class and method ran; the classes the death left unrun; the container's
 * proof; whether the forks and Maven reached the container's limit together, and the fork plan that fits; the
 * suspects; the classes that failed of memory without killing their fork; and the command that settles it.
 */
public final class PostMortem {

    /** Unrun classes named on the console; the report lists them all. */
    static final int NAMED = 8;

    private PostMortem() {}

    /**
     * @param plan the fork plan of the recording's report, when it has one
     * @param settle the command that bisects from this recording
     * @param report where the recording's report is, as the user finds it
     */
    public static List<String> lines(
            RecordingAnalysis analysis, Optional<ForkPlan> plan, String settle, String report) {
        List<String> lines = new ArrayList<>();
        ExecutionRecord execution = analysis.execution();
        int forks = analysis.forks().size();
        if (!analysis.failed()) {
            lines.add("memprobe: recorded " + execution.label() + ": " + count(forks, "fork") + ", "
                    + count(analysis.classesRun().size(), "class") + ", no fork died and no class failed of memory;"
                    + (analysis.approximate()
                            ? " per-class numbers are approximate (the project runs its tests in parallel);"
                            : "")
                    + " report " + report);
            for (RecordedFork fork : analysis.forks()) {
                if (fork.pastSaving() != null) {
                    lines.add("memprobe: fork " + fork.name().fork() + " (pid "
                            + fork.name().pid() + ") was " + fork.pastSaving()
                            + ", and went on (a recording only reports it)");
                }
            }
            return lines;
        }
        lines.add("memprobe post-mortem of " + execution.label() + " (" + count(forks, "fork") + " recorded"
                + (execution.endedInMaven() ? "" : "; Maven did not see it end") + "):");
        for (RecordedFork fork : analysis.deaths()) {
            lines.add("  fork " + fork.name().fork() + " (pid " + fork.name().pid() + ") " + died(fork));
        }
        if (forks == 0) {
            lines.add("  no fork wrote a journal: the forks died before the recorder started (Surefire's message: "
                    + firstLine(execution.failure()) + ")");
        }
        if (!analysis.notRun().isEmpty()) {
            lines.add("  not run: " + names(analysis.notRun()) + " ("
                    + count(analysis.notRun().size(), "class") + " the death left unrun)");
        }
        container(execution).ifPresent(lines::add);
        if (analysis.together() != null) {
            lines.add("  " + together(analysis.together())
                    + plan.map(p -> "; " + p.summary()).orElse(""));
        }
        if (!analysis.suspects().isEmpty()) {
            lines.add("  " + suspects(analysis));
        }
        for (RecordedFork fork : analysis.forks()) {
            if (!fork.died() && fork.pastSaving() != null) {
                lines.add(
                        "  fork " + fork.name().fork() + " (pid " + fork.name().pid() + ") was " + fork.pastSaving()
                                + ", and went on (a recording only reports it)");
            }
        }
        for (ClassRun run : analysis.memoryErrors()) {
            lines.add("  failed of memory without killing its fork: " + run.name()
                    + (run.method() == null ? "" : "#" + run.method()) + " (" + run.problem() + ")");
        }
        if (analysis.approximate()) {
            lines.add("  per-class numbers are approximate: the project runs its tests in parallel");
        }
        lines.add("  settle it: " + settle);
        lines.add("  report: " + report);
        return lines;
    }

    /** "died of heap OutOfMemoryError while it.a.HogTest#fill ran: ...". */
    static String died(RecordedFork fork) {
        Death death = fork.result().death();
        String where;
        if (death.inFlightClass() == null) {
            where = "outside any test class";
        } else if (death.inFlightMethod() == null) {
            where = "while " + death.inFlightClass() + " ran, outside its tests (a static initializer,"
                    + " @BeforeAll/@BeforeClass, or between two tests)";
        } else {
            where = "while " + death.inFlightClass() + "#" + death.inFlightMethod() + " ran";
        }
        String description = death.cause().description();
        String evidence = death.evidence() == null ? "" : death.evidence();
        // the exit code once: a SIGKILL's description ("(exit 137)") and its evidence ("exit code 137: ...") say it
        boolean exitSaid = death.exitCode() == null
                || death.cause().describesExit(death.exitCode())
                || evidence.contains("exit code " + death.exitCode());
        return "died: " + description + ", " + where
                + (exitSaid ? "" : ", exit code " + death.exitCode())
                + (evidence.isEmpty() ? "" : "; " + evidence);
    }

    /**
     * The one-line warning of an execution whose forks ran without memprobe's JUnit Platform listener: the journals
     * are empty, and the project's {@code junit.platform.execution.listeners.deactivate} is the likely reason.
     */
    public static String listenerOff(RecordingAnalysis analysis) {
        return analysis.execution().label() + " recorded no test class in its "
                + count(analysis.forks().size(), "fork") + ": the JUnit Platform ran them without memprobe's listener;"
                + " if the project sets " + RecordingAnalysis.DEACTIVATE
                + " (in junit-platform.properties or as a system property of the forks), leave "
                + "dev.memprobe.recorder.PlatformListener out of its pattern";
    }

    /** "suspects in fork 1, before HogTest: LeakTest left 60 MiB, CacheTest left 12 MiB". */
    static String suspects(RecordingAnalysis analysis) {
        RecordedFork fork = analysis.deaths().get(0);
        return "suspects in fork " + fork.name().fork() + ", what the classes before "
                + fork.result().death().inFlightClass() + " left behind: "
                + analysis.suspects().stream()
                        .map(s -> s.className() + " " + Size.format(s.retained()))
                        .collect(Collectors.joining(", "));
    }

    /** "Maven and 2 forks together reached the container's 2 GiB limit: ...". */
    static String together(RecordingAnalysis.Together t) {
        return "Maven and " + count(t.forks(), "fork") + " together reached the container's limit of "
                + Size.format(t.limitBytes()) + " (peak " + Size.format(t.peakBytes()) + ": Maven "
                + Size.format(t.mavenBytes()) + ", forks " + Size.format(t.forksBytes()) + ", the largest fork "
                + Size.format(t.largestForkBytes()) + "): no single class is to blame";
    }

    private static Optional<String> container(ExecutionRecord execution) {
        ExecutionRecord.Container before = execution.container();
        ExecutionRecord.Container after = execution.containerAfter();
        if (before == null) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder("  container: ").append(before.cgroup());
        line.append(before.limitBytes() > 0 ? ", limit " + Size.format(before.limitBytes()) : ", no limit");
        long peak = Math.max(
                after == null ? -1 : after.peakBytes(),
                execution.samples() == null ? -1 : execution.samples().containerBytes());
        if (peak > 0) {
            line.append(", peak ").append(Size.format(peak));
        }
        if (before.oomKills() >= 0 && after != null && after.oomKills() >= 0) {
            line.append(", OOM kills ").append(before.oomKills()).append(" -> ").append(after.oomKills());
            line.append(
                    after.oomKills() > before.oomKills()
                            ? ": the kernel's OOM killer acted during the run"
                            : ": the kernel's OOM killer did not act");
        }
        return Optional.of(line.toString());
    }

    private static String names(List<String> classes) {
        String named = classes.stream().limit(NAMED).collect(Collectors.joining(", "));
        return classes.size() > NAMED ? named + " and " + (classes.size() - NAMED) + " more" : named;
    }

    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "none";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    /** Each score as the report's ranking carries it. */
    static List<String> scored(List<Growth.Score> scores) {
        return scores.stream().map(Growth.Score::className).toList();
    }
}
