package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkPlanTest {

    private static final long MIB = 1L << 20;

    private static Report.ClassEntry entry(String name, long liveMiB, long heapPeakMiB, long rssMiB) {
        return new Report.ClassEntry(
                name,
                "passed",
                1,
                0,
                0,
                0,
                10,
                heapPeakMiB * MIB,
                liveMiB * MIB,
                -1,
                -1,
                -1,
                rssMiB * MIB,
                -1,
                -1,
                10,
                -1,
                1,
                1,
                null);
    }

    private static Report report(long runnerMemory, List<Report.CulpritEntry> culprits, Report.ClassEntry... classes) {
        return new Report(
                Report.SCHEMA_VERSION,
                "0.1.0",
                null,
                "p",
                culprits.isEmpty() ? "no-culprit" : "culprits-found",
                "s",
                culprits,
                List.of(),
                List.of(classes),
                List.of(),
                List.of(),
                new Report.Settings(
                        256 * MIB,
                        -1,
                        -1,
                        "bisect",
                        3,
                        false,
                        1,
                        50,
                        1,
                        null,
                        null,
                        null,
                        "filesystem",
                        runnerMemory,
                        false),
                new Report.EnvironmentInfo("17", "17", "Linux", 2, 24L << 30, -1, "v2", 6L << 30, "3.6.1", "3.9.11"),
                new Report.Totals(classes.length, classes.length, 1, 1, 1));
    }

    private static Report.CulpritEntry hog(String name) {
        return new Report.CulpritEntry(
                "single",
                List.of(name),
                name,
                List.of(),
                Map.of(),
                "heap-oom",
                true,
                null,
                null,
                List.of(),
                2,
                2,
                List.of(1, 2),
                List.of());
    }

    @Test
    void noRunnerMemoryNoPlan() {
        assertThat(ForkPlan.of(report(-1, List.of(), entry("a.A", 50, 80, 300))))
                .isEmpty();
    }

    @Test
    void fitsTwiceTheLargestLiveHeapAndWhatTheForksUsedBesideIt() {
        // largest live heap 150 MiB -> -Xmx 300 MiB rounded up to 320 MiB; beside the heap: 420 - 200 = 220 MiB
        ForkPlan plan = ForkPlan.of(report(7L << 30, List.of(), entry("a.A", 50, 80, 300), entry("a.B", 150, 200, 420)))
                .orElseThrow();

        assertThat(plan.maxHeapBytes()).isEqualTo(320 * MIB);
        assertThat(plan.perForkBytes()).isEqualTo((320 + 220) * MIB);
        assertThat(plan.forkCount()).isEqualTo((int) ((6L << 30) / ((320 + 220) * MIB)));
        assertThat(plan.classes()).isEqualTo(2);
        assertThat(plan.heavyClasses()).isZero();
        assertThat(plan.summary()).startsWith("fork plan for a 7 GiB runner: -Xmx320m, forkCount=11");
    }

    @Test
    void leavesTheMemoryCulpritsToAHeavyJobOfTheirOwn() {
        ForkPlan plan = ForkPlan.of(report(
                        4L << 30, List.of(hog("a.Hog")), entry("a.A", 40, 60, 250), entry("a.Hog", 250, 300, 600)))
                .orElseThrow();

        assertThat(plan.classes()).isEqualTo(1);
        assertThat(plan.maxHeapBytes()).isEqualTo(128 * MIB); // 2 x 40 MiB, rounded up
        assertThat(plan.heavyClasses()).isEqualTo(1);
        assertThat(plan.heavyMaxHeapBytes()).isEqualTo(512 * MIB); // twice the 256 MiB it died under
        assertThat(plan.notes())
                .anySatisfy(n -> assertThat(n).startsWith("Heavy job: the classes in heavy-classes.txt"));
    }

    @Test
    void saysSoWhenNotEvenOneForkFits() {
        ForkPlan plan = ForkPlan.of(report(1200 * MIB, List.of(), entry("a.A", 400, 500, 900)))
                .orElseThrow();

        assertThat(plan.forkCount()).isZero();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("Not even one fork fits"));
    }
}
