package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suite with the culprits found so far fixed: what it carries, and which failures a fork cannot be trusted with. */
class FixedSuiteTest {

    private static ForkResult fork(ClassRun... runs) {
        List<String> names = java.util.Arrays.stream(runs).map(ClassRun::name).toList();
        Probe probe = new Probe(1, names, new Purpose.NotYetRun(names.size()), false, Set.of(), false);
        return new ForkResult(probe, names, List.of(runs), null, 0, null, List.of());
    }

    private static ClassRun passed(String name) {
        return new ClassRun(name, ClassRun.Outcome.PASSED, 1, 0, 0, 0, Measure.NONE, null, null, null);
    }

    private static ClassRun failedOfMemory(String name) {
        return new ClassRun(
                name, ClassRun.Outcome.MEMORY_ERROR, 1, 0, 1, 0, Measure.NONE, "OOM", "loads", Cause.HEAP_OOM);
    }

    @Test
    void keepsTheClassesNotFixedOnceEachInCiOrder() {
        FixedSuite fixed = new FixedSuite();
        fixed.order(List.of("A", "B", "C", "D", "E", "F"));
        fixed.hog("B");
        fixed.blame(List.of("D"), "V");
        fixed.unresolved("E");

        assertThat(fixed.keep(List.of("F", "E", "D", "C", "B", "A", "C"))).containsExactly("A", "C", "F");
        assertThat(fixed.has("C")).isTrue();
        assertThat(fixed.has("D")).isFalse();
    }

    @Test
    void classesOutsideCiOrderComeLastInTheOrderGiven() {
        FixedSuite fixed = new FixedSuite();
        fixed.order(List.of("A", "B"));

        assertThat(fixed.keep(List.of("Y", "B", "X", "A"))).containsExactly("A", "B", "Y", "X");
    }

    @Test
    void aFailureIsNotTrustedAfterAClassThatKeptItsMemoryAndIsNoLongerInTheFixedSuite() {
        FixedSuite fixed = new FixedSuite();
        fixed.order(List.of("P", "V", "Q", "W", "X"));
        ForkResult fork = fork(passed("P"), failedOfMemory("V"), passed("Q"), failedOfMemory("W"), passed("X"));

        assertThat(fixed.untrusting(fork, "W")).isEmpty();

        fixed.blame(List.of("P"), "V");

        assertThat(fixed.untrusting(fork, "V")).containsExactly("P");
        assertThat(fixed.untrusting(fork, "W")).containsExactly("P");
    }

    @Test
    void aClassThatFailedOfMemoryGaveItsMemoryBackAndMakesNoFailureAfterItUntrusted() {
        FixedSuite fixed = new FixedSuite();
        ForkResult fork = fork(passed("A"), failedOfMemory("Hog"), passed("B"), failedOfMemory("V"));

        fixed.hog("Hog");

        assertThat(fixed.untrusting(fork, "V")).isEmpty();
    }
}
