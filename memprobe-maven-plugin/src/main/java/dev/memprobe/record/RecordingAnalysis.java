package dev.memprobe.record;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Growth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a recording says of one execution, for the post-mortem and the report: the forks that died and how, the
 * classes their deaths left unrun, the suspects (what the classes before the death left behind in its fork, their own
 * growth, not the fork's level), the classes that failed of memory without killing their fork, and whether the
 * container's limit was reached by all forks and Maven together rather than by one of them.
 *
 * @param deaths the forks that died, in start order
 * @param notRun the classes of the execution's test set that no fork started
 * @param suspects for the first death: the classes before it that left the most behind, largest first, none that
 *     left less than {@link Growth#noiseFloor}
 * @param memoryErrors the classes that failed of memory while their fork went on
 * @param approximate whether classes ran at the same time (the project's parallel execution)
 * @param together when the container's limit was reached by the forks and Maven together: the numbers, else null
 * @param listenerOff whether the JUnit Platform ran the execution's forks without memprobe's listener: every fork
 *     opened its journal and ended normally, and none journaled a test plan or a class
 *     ({@code junit.platform.execution.listeners.deactivate} with a pattern that matches it)
 */
public record RecordingAnalysis(
        ExecutionRecord execution,
        List<RecordedFork> forks,
        List<RecordedFork> deaths,
        List<String> notRun,
        List<Growth.Score> suspects,
        List<ClassRun> memoryErrors,
        boolean approximate,
        Together together,
        boolean listenerOff) {

    /** Suspects named: the few that left the most. */
    static final int SUSPECTS = 3;

    /** Share of the container's limit that counts as reached. */
    static final double REACHED = 0.9;

    /** The JUnit Platform's configuration parameter that switches service-loaded listeners off by pattern. */
    public static final String DEACTIVATE = "junit.platform.execution.listeners.deactivate";

    /** The provider, as {@link ExecutionRecord#provider()} names it, whose listener that parameter can switch off. */
    private static final String PLATFORM = "junit-platform";

    public RecordingAnalysis {
        forks = List.copyOf(forks);
        deaths = List.copyOf(deaths);
        notRun = List.copyOf(notRun);
        suspects = List.copyOf(suspects);
        memoryErrors = List.copyOf(memoryErrors);
    }

    /**
     * The container's limit reached by everything together: no single fork held as much as half of it.
     *
     * @param limitBytes the container's limit
     * @param peakBytes the most it held
     * @param mavenBytes Maven's resident memory then
     * @param forksBytes the forks' resident memory then
     * @param largestForkBytes the largest one fork held
     * @param forks how many forks ran
     */
    public record Together(
            long limitBytes, long peakBytes, long mavenBytes, long forksBytes, long largestForkBytes, int forks) {}

    public static RecordingAnalysis of(ExecutionRecord execution, List<RecordedFork> forks) {
        List<RecordedFork> deaths = forks.stream().filter(RecordedFork::died).toList();
        Set<String> started = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>();
        List<ClassRun> memoryErrors = new ArrayList<>();
        boolean approximate = execution.parallel();
        for (RecordedFork fork : forks) {
            approximate |= fork.overlapped();
            known.addAll(fork.result().probe().classes());
            for (ClassRun run : fork.result().classes()) {
                started.add(run.name());
                if (run.outcome() == ClassRun.Outcome.MEMORY_ERROR) {
                    memoryErrors.add(run);
                }
            }
        }
        known.addAll(execution.testClasses().stream().sorted().toList());
        List<String> notRun = new ArrayList<>();
        if (!deaths.isEmpty()) {
            for (String name : known) {
                if (!started.contains(name)) {
                    notRun.add(name);
                }
            }
        }
        List<Growth.Score> suspects = List.of();
        if (!deaths.isEmpty()) {
            Death death = deaths.get(0).result().death();
            if (death.inFlightClass() != null) {
                ForkResult dead = deaths.get(0).result();
                long floor = Growth.noiseFloor(dead, death.cause());
                suspects = Growth.rank(dead, death.inFlightClass(), death.cause()).stream()
                        .filter(s -> s.retained() >= floor)
                        .limit(SUSPECTS)
                        .toList();
            }
        }
        return new RecordingAnalysis(
                execution,
                forks,
                deaths,
                notRun,
                suspects,
                memoryErrors,
                approximate,
                together(execution, forks.size()),
                listenerOff(execution, forks));
    }

    /**
     * Whether the platform's forks ran without memprobe's listener: each wrote its fork line (the recorder was on,
     * opened by the launcher session's listener, which the parameter does not switch off) and ended normally, and none
     * heard a test plan or a class. A fork the framework ran a class in, or that died, says nothing of the kind.
     */
    static boolean listenerOff(ExecutionRecord execution, List<RecordedFork> forks) {
        if (!PLATFORM.equals(execution.provider()) || forks.isEmpty()) {
            return false;
        }
        return forks.stream()
                .allMatch(f -> f.result().fork() != null
                        && !f.died()
                        && f.result().classes().isEmpty()
                        && f.result().probe().classes().isEmpty());
    }

    private static Together together(ExecutionRecord execution, int forks) {
        ExecutionRecord.Container before = execution.container();
        MemorySampler.Peaks peaks = execution.samples();
        if (before == null || before.limitBytes() <= 0 || peaks == null || forks < 2) {
            return null;
        }
        long limit = before.limitBytes();
        long peak = Math.max(
                peaks.containerBytes(),
                execution.containerAfter() == null
                        ? -1
                        : execution.containerAfter().peakBytes());
        boolean killed = execution.containerAfter() != null
                && before.oomKills() >= 0
                && execution.containerAfter().oomKills() > before.oomKills();
        long largest =
                peaks.forks().values().stream().mapToLong(Long::longValue).max().orElse(-1);
        if ((peak < REACHED * limit && !killed) || largest < 0 || largest * 2 > limit) {
            return null;
        }
        return new Together(
                limit,
                peak,
                peaks.atContainerPeakMaven(),
                peaks.atContainerPeakForks(),
                largest,
                peaks.forks().size());
    }

    /** Whether the execution's recording saw a fork die or a class fail of memory. */
    public boolean failed() {
        return !deaths.isEmpty() || !memoryErrors.isEmpty();
    }

    /** The classes the recording started, in the order they first started. */
    public List<String> classesRun() {
        Set<String> names = new LinkedHashSet<>();
        for (RecordedFork fork : forks) {
            for (ClassRun run : fork.result().classes()) {
                names.add(run.name());
            }
        }
        return List.copyOf(names);
    }
}
