package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Measure;
import dev.memprobe.journal.MeasureField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnFiguresTest {

    private static final long MIB = 1L << 20;

    @Test
    void classesAfterALeakWithCollectionsOfTheirOwnKeepAndNeedOnlyWhatTheyAdded() {
        // L keeps 100 MiB; A and B each run a collection in a heap that still holds it
        List<Report.Own> own = OwnFigures.of(List.of(
                run("L", m().live(1, 10, 101, 101, 2).heap(1, 105, 104).allocated(200)),
                run("A", m().live(101, 101, 103, 102, 1).heap(104, 108, 105).allocated(8)),
                run("B", m().live(102, 102, 104, 102, 1).heap(105, 109, 106).allocated(8))));

        assertThat(own.get(0).keptBytes()).isBetween(100 * MIB, 104 * MIB);
        assertThat(own.get(0).keptBasis()).isEqualTo(Report.Own.ESTIMATED);
        assertThat(own.get(0).neededBytes()).isEqualTo(100 * MIB);
        assertThat(own.get(1).neededBytes()).isEqualTo(2 * MIB); // 103 at its collection, 101 when it started
        assertThat(own.get(2).neededBytes()).isEqualTo(2 * MIB);
        assertThat(own.get(1).keptBytes()).isLessThan(4 * MIB);
        assertThat(own.get(2).keptBytes()).isLessThan(4 * MIB);
        assertThat(own.get(1).neededBasis()).isEqualTo(Report.Own.MEASURED);
        assertThat(own.get(1).note()).isNull();
    }

    @Test
    void whatTheClassBeforeAllocatedAfterItsLastCollectionIsNotChargedToTheNextClasssNeed() {
        // the hog allocated 73 MiB after its last collection (live 877); D's one collection sees them (905)
        List<Report.Own> own = OwnFigures.of(List.of(
                run("Hog", m().live(4, 180, 877, 877, 29).heap(4, 960, 950).allocated(453)),
                run("D", m().live(877, 905, 905, 905, 1).heap(950, 956, 954).allocated(6))));

        assertThat(own.get(1).neededBytes()).isLessThan(4 * MIB); // not 28 MiB, the rise it found
        assertThat(own.get(1).keptBytes()).isLessThan(4 * MIB);
        assertThat(own.get(0).keptBytes()).isGreaterThan(890 * MIB);
    }

    @Test
    void aClassWithoutACollectionGetsItsShareOfTheRiseAcrossItAndSaysWhy() {
        // P keeps 50 MiB and runs no collection; C's collection shows the rise
        List<Report.Own> own = OwnFigures.of(List.of(
                run("A", m().live(-1, 10, 10, 10, 1).heap(5, 20, 12).allocated(10)),
                run("P", m().live(10, -1, -1, -1, 0).heap(12, 70, 70).allocated(58)),
                run("C", m().live(10, 60, 60, 60, 1).heap(70, 75, 62).allocated(10))));

        Report.Own p = own.get(1);
        assertThat(p.keptBasis()).isEqualTo(Report.Own.ESTIMATED);
        assertThat(p.keptBytes()).isGreaterThan(30 * MIB).isLessThanOrEqualTo(50 * MIB);
        assertThat(p.neededBasis()).isEqualTo(Report.Own.AT_MOST);
        assertThat(p.neededBytes()).isEqualTo(58 * MIB); // its heap rose by 58 MiB and it allocated 58
        assertThat(p.note()).contains("no garbage collection ran while it ran");
    }

    @Test
    void classesAfterTheLastCollectionKeepAtMostWhatTheHeapGrewBy() {
        // the hog's garbage fills the heap; nothing collects after it: each later class is bounded by its heap's rise
        List<Report.Own> own = OwnFigures.of(List.of(
                run("Hog", m().live(4, 180, 920, 920, 29).heap(4, 1100, 950).allocated(470)),
                run("X", m().live(920, -1, -1, -1, 0).heap(950, 953, 953).allocated(1)),
                run("Y", m().live(920, -1, -1, -1, 0).heap(953, 955, 955).allocated(3))));

        assertThat(own.get(0).neededBytes()).isEqualTo(916 * MIB);
        assertThat(own.get(1).keptBasis()).isEqualTo(Report.Own.AT_MOST);
        assertThat(own.get(1).keptBytes()).isEqualTo(1 * MIB); // allocated less than the heap grew
        assertThat(own.get(2).keptBytes()).isEqualTo(2 * MIB);
        assertThat(own.get(2).neededBytes()).isEqualTo(2 * MIB);
        assertThat(own.get(2).note()).contains("no garbage collection ran while it ran or after it");
    }

    @Test
    void forcedCollectionsMakeKeptExact() {
        List<Report.Own> own = OwnFigures.of(List.of(
                run(
                        "A",
                        m().live(10, -1, -1, -1, 0)
                                .retained(60)
                                .heap(10, 70, 70)
                                .allocated(60)),
                run(
                        "B",
                        m().live(60, -1, -1, -1, 0)
                                .retained(61)
                                .heap(60, 65, 65)
                                .allocated(5))));

        assertThat(own)
                .extracting(Report.Own::keptBytes, Report.Own::keptBasis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(50 * MIB, Report.Own.EXACT),
                        org.assertj.core.groups.Tuple.tuple(1 * MIB, Report.Own.EXACT));
    }

    @Test
    void growthOutsideTheHeapIsFromTheClassesOwnStartOrThePreviousEnd() {
        Measure first = m().heap(1, 2, 2)
                .set(MeasureField.THREADS_START, 10)
                .set(MeasureField.THREADS_END, 14)
                .set(MeasureField.DIRECT_START, 0)
                .set(MeasureField.DIRECT_END, 32 * MIB)
                .set(MeasureField.METASPACE_END, 20 * MIB)
                .set(MeasureField.CLASSES_LOADED, 3000)
                .build();
        // an earlier journal: no start values, the previous class's end is the start
        Measure second = m().heap(2, 3, 3)
                .set(MeasureField.THREADS_START, 14)
                .set(MeasureField.THREADS_END, 12)
                .set(MeasureField.DIRECT_END, 40 * MIB)
                .set(MeasureField.METASPACE_END, 26 * MIB)
                .set(MeasureField.CLASSES_LOADED, 3500)
                .build();

        List<Report.Own> own = OwnFigures.of(List.of(run("A", first), run("B", second)));

        assertThat(own.get(0).threadsGrowth()).isEqualTo(4);
        assertThat(own.get(0).directGrowthBytes()).isEqualTo(32 * MIB);
        assertThat(own.get(0).metaspaceGrowthBytes()).isEqualTo(-1); // no start, no class before it
        assertThat(own.get(1).threadsGrowth()).isZero(); // it ended two of the threads it found
        assertThat(own.get(1).directGrowthBytes()).isEqualTo(8 * MIB);
        assertThat(own.get(1).metaspaceGrowthBytes()).isEqualTo(6 * MIB);
        assertThat(own.get(1).classesLoadedGrowth()).isEqualTo(500);
    }

    @Test
    void theFirstClassOfAForkWithNoCollectionBeforeItNeedsItsWholeLiveHeap() {
        List<Report.Own> own = OwnFigures.of(
                List.of(run("A", m().live(-1, 30, 40, 40, 2).heap(3, 60, 45).allocated(50))));

        assertThat(own.get(0).neededBytes()).isEqualTo(40 * MIB);
    }

    @Test
    void aClassThatRanOutOfHeapAndWentOnNeededTheHeapItGrewToNotTheLastStepOfIt() {
        // the demo's hog at -Xmx256m: its last collection saw 253.5 MiB live, its most 255; the fork went on after
        // the error and the memory was given back, so it kept nothing
        Measure hog =
                m().live(2, 20, 255, 253, 30).heap(4, 256, 10).allocated(134).build();
        ClassRun failed = new ClassRun(
                "Hog", ClassRun.Outcome.MEMORY_ERROR, 1, 0, 1, 0, hog, "Java heap space", "imports", Cause.HEAP_OOM);
        List<Report.Own> own = OwnFigures.of(List.of(
                failed, run("After", m().live(3, 3, 4, 3, 1).heap(10, 14, 12).allocated(4))));

        assertThat(own.get(0).neededBytes()).isEqualTo(253 * MIB); // 255 at its most, 2 when it started
        assertThat(own.get(0).neededBasis()).isEqualTo(Report.Own.MEASURED);
        assertThat(own.get(1).neededBytes()).isLessThan(2 * MIB);
    }

    private static ClassRun run(String name, Values v) {
        return run(name, v.build());
    }

    private static ClassRun run(String name, Measure m) {
        return new ClassRun(name, ClassRun.Outcome.PASSED, 1, 0, 0, 0, m, null, null, null);
    }

    private static Values m() {
        return new Values();
    }

    /** Measurements in MiB (counts as they are), as the fork journals them. */
    private static final class Values {
        private final Map<MeasureField, Long> values = new EnumMap<>(MeasureField.class);

        Values live(long before, long min, long max, long last, long gcCount) {
            set(MeasureField.LIVE_BEFORE, mib(before));
            set(MeasureField.LIVE_MIN, mib(min));
            set(MeasureField.LIVE_MAX, mib(max));
            set(MeasureField.LIVE_LAST, mib(last));
            return set(MeasureField.GC_COUNT, gcCount);
        }

        Values heap(long start, long peak, long end) {
            set(MeasureField.HEAP_START, mib(start));
            set(MeasureField.HEAP_PEAK, mib(peak));
            set(MeasureField.HEAP_MAX, mib(1024));
            return set(MeasureField.HEAP_END, mib(end));
        }

        Values allocated(long mebibytes) {
            return set(MeasureField.ALLOCATED, mib(mebibytes));
        }

        Values retained(long mebibytes) {
            return set(MeasureField.RETAINED, mib(mebibytes));
        }

        Values set(MeasureField field, long value) {
            values.put(field, value);
            return this;
        }

        Measure build() {
            return Measure.of(values);
        }

        private static long mib(long mebibytes) {
            return mebibytes < 0 ? -1 : mebibytes * MIB;
        }
    }
}
