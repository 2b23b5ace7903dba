package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForkResultTest {

    private static ClassRun run(String name, ClassRun.Outcome outcome) {
        return new ClassRun(name, outcome, 1, 0, 0, 0, Measure.NONE, null, null);
    }

    @Test
    void goesOnWithEveryClassThatDidNotFinishInPlanOrderWithoutTheVictim() {
        Probe probe = new Probe(1, List.of("A", "B", "C", "D", "E"), "whole suite", true, Set.of(), true);
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
        Probe probe = new Probe(2, List.of("B", "D"), "rest", false, Set.of(), true);
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
}
