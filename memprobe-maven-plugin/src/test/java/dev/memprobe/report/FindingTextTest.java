package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.Failure;
import dev.memprobe.bisect.Finding;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every finding in the words {@code report.json} has always had, with its numbers and the next step. */
class FindingTextTest {

    private static final Failure HEAP = new Failure(
            "com.acme.ImportTest", "loads", Cause.HEAP_OOM, null, "java.lang.OutOfMemoryError: Java heap space");

    /** One sample of each finding, and its message. */
    private static Map<Finding, String> samples() {
        Map<Finding, String> samples = new LinkedHashMap<>();
        samples.put(
                new Finding.NoSmallSet(HEAP, 9, 8, List.of("a.L01", "a.L02")),
                "Memory adds up across many classes: ImportTest dies (heap OutOfMemoryError in ImportTest#loads"
                        + " (\"Java heap space\")) only after at least 9 earlier classes"
                        + " together; no set of at most 8 reproduces it. The classes that left most behind lead the"
                        + " ranking.");
        samples.put(
                new Finding.OutsideClass(new Failure(null, null, Cause.KILLED, 137, "exit code 137"), 3),
                "The fork died while no test class was running (killed by SIGKILL from outside (exit 137) (exit code"
                        + " 137)): before the first class, between classes or after the last. Check the argLine,"
                        + " memprobe.maxHeap and the fork's output in target/memprobe/probes/probe-3.");
        samples.put(
                new Finding.SlowSuite("com.acme.T13", 1900),
                "The fork ran out of time while com.acme.T13 ran, but com.acme.T13 finishes alone in 1.9 s: the suite"
                        + " as a whole takes longer than memprobe.forkTimeout.");
        samples.put(
                new Finding.ExternalSignal(new Failure("com.acme.SlowTest", null, Cause.TERMINATED, 143, null)),
                "The fork was stopped by a SIGTERM from outside memprobe (exit 143) while com.acme.SlowTest ran;"
                        + " memprobe cannot reproduce a signal it did not send.");
        samples.put(
                new Finding.BudgetInSearch(5, HEAP, List.of("a.P1", "a.P2", "a.P3")),
                "memprobe.maxProbes (5) ran out while searching what kills ImportTest (heap OutOfMemoryError in"
                        + " ImportTest#loads (\"Java heap space\")); the polluters are among"
                        + " these 3 classes. Raise memprobe.maxProbes to narrow it down.");
        samples.put(
                new Finding.Budget(50, Finding.Budget.Stage.SUITE, null),
                "memprobe.maxProbes (50) ran out before every class had run. Raise memprobe.maxProbes, or narrow the"
                        + " set with memprobe.testFile.");
        samples.put(
                new Finding.NeedsBlamedMemory(HEAP, 2, List.of("a.SessionCacheTest"), 7),
                "ImportTest died (heap OutOfMemoryError in ImportTest#loads (\"Java heap space\"))"
                        + " in probe 2, after SessionCacheTest had run there, since found to be culprits; in"
                        + " probe 7, after the other classes before it without them, it passed: it died of their"
                        + " memory, not of a culprit of its own. Fixing them should fix ImportTest too.");
        samples.put(
                new Finding.DiedWhenCarried(HEAP, 9, true),
                "ImportTest died (heap OutOfMemoryError in ImportTest#loads (\"Java heap space\"))"
                        + " in probe 9, where it ran only to carry what it keeps to the classes after it; that"
                        + " fork left its polluters out, so the memory of other classes before it adds up to kill it as"
                        + " well. memprobe did not search them, and ran the classes after it without it.");
        samples.put(
                new Finding.RestNotRun(12, "com.acme.ExportTest", List.of("a.T1", "a.T2", "a.T3")),
                "memprobe.maxProbes (12) ran out before the 3 classes after ExportTest could run after what CI runs"
                        + " before them, without the culprits found: whether they fail there was not searched. Raise"
                        + " memprobe.maxProbes, or narrow the set with memprobe.testFile.");
        return samples;
    }

    @Test
    void aClassCarriedThatHadPassedSaysSoAndNamesWhatWasNotSearched() {
        Finding carried = new Finding.DiedWhenCarried(HEAP, 4, false);

        assertThat(FindingText.of(carried))
                .contains("in probe 4", "it had passed where CI runs it", "memprobe did not search why")
                .endsWith("ran the classes after it without it.");
        assertThat(carried.classes()).containsExactly("com.acme.ImportTest");
    }

    @Test
    void aVictimOfBlamedMemoryNamesTheClassesItNeeds() {
        Finding needs = new Finding.NeedsBlamedMemory(HEAP, 2, List.of("a.P1", "a.P2", "a.P3", "a.P4"), 5);

        assertThat(FindingText.of(needs)).contains("after P1, P2 and 2 more had run there", "in probe 5");
        assertThat(needs.kind().id()).isEqualTo("dies-of-blamed-memory");
        assertThat(needs.classes()).containsExactly("com.acme.ImportTest");
    }

    @Test
    void theRestNotRunIsABudgetFindingThatListsTheClasses() {
        Finding rest = new Finding.RestNotRun(3, null, List.of("a.T1"));

        assertThat(rest.kind()).isEqualTo(Finding.Kind.BUDGET);
        assertThat(rest.classes()).containsExactly("a.T1");
        assertThat(FindingText.of(rest)).contains("ran out before 1 class could run again after what CI runs");
    }

    @Test
    void wordsEveryFinding() {
        Map<Finding, String> samples = samples();

        Wording.wordsEveryRecord(Finding.class, samples, FindingText::of);
    }

    @Test
    void saysWhereTheSearchStoodWhenTheBudgetRanOut() {
        Map<Finding.Budget.Stage, String> when = Map.of(
                Finding.Budget.Stage.SUITE, "before every class had run",
                Finding.Budget.Stage.BATCHES, "before every batch had run",
                Finding.Budget.Stage.BATCH_MEMBERS, "while running batch members alone",
                Finding.Budget.Stage.ISOLATED, "before every class had run alone",
                Finding.Budget.Stage.RUN_ALONE, "before com.acme.Hog could be run alone",
                Finding.Budget.Stage.CONFIRMATION, "before Hog's verdict could be confirmed");

        assertThat(Arrays.stream(Finding.Budget.Stage.values())
                        .collect(Collectors.toMap(
                                stage -> stage, stage -> FindingText.of(new Finding.Budget(7, stage, "com.acme.Hog")))))
                .allSatisfy((stage, message) -> assertThat(message)
                        .isEqualTo("memprobe.maxProbes (7) ran out " + when.get(stage) + ". Raise memprobe.maxProbes,"
                                + " or narrow the set with memprobe.testFile."));
    }

    @Test
    void aSignalWithNoClassInFlightSaysSo() {
        Finding signal = new Finding.ExternalSignal(new Failure(null, null, Cause.TERMINATED, 143, null));

        assertThat(FindingText.of(signal)).contains("while no test class ran;");
        assertThat(signal.classes()).isEmpty();
    }
}
