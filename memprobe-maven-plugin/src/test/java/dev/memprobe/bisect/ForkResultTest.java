package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.MeasureField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForkResultTest {

    private static ClassRun run(String name, ClassRun.Outcome outcome) {
        return new ClassRun(name, outcome, 1, 0, 0, 0, Measure.NONE, null, null, null);
    }

    @Test
    void aClassThatFailedOfMemoryIsAFailureOfTheMemoryItsRunNames() {
        Probe probe = new Probe(1, List.of("A", "B"), new Purpose.WholeSuite(2), false, Set.of(), true);
        ClassRun metaspace = new ClassRun(
                "A",
                ClassRun.Outcome.MEMORY_ERROR,
                1,
                0,
                1,
                0,
                Measure.NONE,
                "java.lang.OutOfMemoryError: Metaspace",
                "loads",
                Cause.METASPACE_OOM);
        ForkResult result = new ForkResult(
                probe,
                List.of("A", "B"),
                List.of(metaspace, run("B", ClassRun.Outcome.MEMORY_ERROR)),
                null,
                1,
                null,
                List.of());

        assertThat(result.failures())
                .extracting(Failure::victim, Failure::cause, Failure::method, Failure::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "A", Cause.METASPACE_OOM, "loads", "java.lang.OutOfMemoryError: Metaspace"),
                        org.assertj.core.groups.Tuple.tuple("B", Cause.HEAP_OOM, null, null));
    }

    @Test
    void goesOnWithEveryClassThatDidNotFinishInPlanOrderWithoutTheVictim() {
        Probe probe = new Probe(1, List.of("A", "B", "C", "D", "E"), new Purpose.WholeSuite(5), true, Set.of(), true);
        // the framework ran C first (TestNG orders classes its own way); C failed of memory; the fork was stopped
        ForkResult result = new ForkResult(
                probe,
                List.of("A", "B", "C", "D", "E"),
                List.of(run("C", ClassRun.Outcome.MEMORY_ERROR), run("A", ClassRun.Outcome.PASSED)),
                null,
                100,
                null,
                List.of());

        assertThat(result.notFinished("C")).containsExactly("B", "D", "E");
    }

    @Test
    void keepsOnlyTheProbesOwnClassesWhenThePlanListsMore() {
        Probe probe = new Probe(2, List.of("B", "D"), new Purpose.NotYetRun(2), false, Set.of(), true);
        ForkResult result = new ForkResult(
                probe,
                List.of("A", "B", "C", "D"),
                List.of(run("B", ClassRun.Outcome.DIED)),
                null,
                100,
                null,
                List.of());

        assertThat(result.notFinished("B")).containsExactly("D");
    }

    @Test
    void listsEveryFailureOfAForkThatWentOnAndTheClassesAfterEachWhetherOrNotTheyRan() {
        Probe probe =
                new Probe(1, List.of("A", "Hog", "B", "V", "C"), new Purpose.WholeSuite(5), true, Set.of(), false);
        Death death = new Death(Cause.KILLED, 137, "V", null, "SIGKILL");
        ForkResult result = new ForkResult(
                probe,
                List.of("A", "Hog", "B", "V", "C"),
                List.of(
                        run("A", ClassRun.Outcome.PASSED),
                        run("Hog", ClassRun.Outcome.MEMORY_ERROR),
                        run("B", ClassRun.Outcome.PASSED),
                        run("V", ClassRun.Outcome.DIED)),
                death,
                100,
                null,
                List.of());

        assertThat(result.failures()).extracting(Failure::victim).containsExactly("Hog", "V");
        assertThat(result.failures()).extracting(Failure::cause).containsExactly(Cause.HEAP_OOM, Cause.KILLED);
        assertThat(result.failure()).map(Failure::victim).contains("Hog");
        assertThat(result.after("Hog")).containsExactly("B", "V", "C");
        assertThat(result.notFinished("V")).containsExactly("C");
    }

    @Test
    void theFirstClassOfAForkIsSeenAsIfItHadRunAloneOnlyWhenItRanFirst() {
        Probe probe = new Probe(3, List.of("V", "A", "B"), new Purpose.AloneThenRest("V", 2), false, Set.of(), false);
        Death laterDeath = new Death(Cause.KILLED, 137, "B", null, "SIGKILL");
        ForkResult diedLater = new ForkResult(
                probe,
                List.of("V", "A", "B"),
                List.of(
                        run("V", ClassRun.Outcome.PASSED),
                        run("A", ClassRun.Outcome.MEMORY_ERROR),
                        run("B", ClassRun.Outcome.DIED)),
                laterDeath,
                100,
                null,
                List.of());

        ForkResult alone = diedLater.asFirst("V").orElseThrow();
        assertThat(alone.classes()).extracting(ClassRun::name).containsExactly("V");
        assertThat(alone.failure()).as("what came after V is not V's").isEmpty();
        assertThat(alone.probe().id()).isEqualTo(3);
        assertThat(diedLater.asFirst("A")).as("A did not run first").isEmpty();

        Death ownDeath = new Death(Cause.EXIT, 1, "V", "exits", "System.exit(1)");
        ForkResult diedInIt = new ForkResult(
                probe,
                List.of("V", "A", "B"),
                List.of(run("V", ClassRun.Outcome.DIED)),
                ownDeath,
                100,
                null,
                List.of());
        assertThat(diedInIt.asFirst("V").orElseThrow().failure())
                .map(Failure::cause)
                .contains(Cause.EXIT);
        assertThat(new ForkResult(probe, List.of(), List.of(), null, 1, null, List.of()).asFirst("V"))
                .isEmpty();
    }

    @Test
    void theVictimsDeficitInTheFailingForkIsReadAsAtMostTheMaximumHeap() {
        // the heap's peak is the sum of its pools' peaks: 320 MiB in a 256 MiB heap; alone the victim peaked at 138
        Measure failing = heapPeak(320, 256);
        Measure alone = heapPeak(138, 256);
        ForkResult suite = new ForkResult(
                new Probe(1, List.of("V"), new Purpose.WholeSuite(1), true, Set.of(), false),
                List.of("V"),
                List.of(new ClassRun("V", ClassRun.Outcome.DIED, 1, 0, 0, 0, failing, null, null, null)),
                null,
                100,
                null,
                List.of());
        ForkResult own = new ForkResult(
                new Probe(2, List.of("V"), new Purpose.Alone("V"), false, Set.of(), true),
                List.of("V"),
                List.of(new ClassRun("V", ClassRun.Outcome.PASSED, 1, 0, 0, 0, alone, null, null, null)),
                null,
                100,
                null,
                List.of());

        assertThat(Diagnosis.deficit(suite, own, "V", Cause.HEAP_OOM)).isEqualTo((256L - 138) << 20);
        // direct buffers were not measured here: no deficit to read
        assertThat(Diagnosis.deficit(suite, own, "V", Cause.DIRECT_OOM)).isEqualTo(-1);
    }

    private static Measure heapPeak(long mebibytes, long maxMebibytes) {
        return Measure.NONE
                .withDuration(10)
                .with(MeasureField.HEAP_PEAK, mebibytes << 20)
                .with(MeasureField.HEAP_MAX, maxMebibytes << 20);
    }
}
