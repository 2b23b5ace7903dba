package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.mib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.memprobe.journal.MeasureField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrowthTest {

    @Test
    void leakInAClassWithoutCollectionIsChargedToItsWindow() {
        // B keeps 50 MiB but no collection runs in it: its window runs from A's last collection to C's
        ForkResult fork = fork(
                heap("A", -1, 100, 100, 1, 30),
                heap("B", 100, -1, -1, 0, 60),
                heap("C", 100, 150, 150, 1, 30),
                heap("D", 150, 150, 150, 1, 30),
                heap("V", 150, 160, 200, 3, 90));

        List<Growth.Score> ranking = Growth.rank(fork, "V", Cause.HEAP_OOM);

        assertThat(ranking)
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(
                        tuple("B", Math.round(mib(50) * 60.0 / 90)), // shares C's window; allocated two thirds of it
                        tuple("C", Math.round(mib(50) * 30.0 / 90)),
                        tuple("A", mib(50) / 4), // opened B's window: its tail is a suspect, after B and C
                        tuple("D", mib(10))); // alone before the victim: the victim's working set at its collection
    }

    @Test
    void classesAfterTheLastCollectionBeforeTheVictimAreScoredFromTheVictimsCollections() {
        // P keeps 150 MiB right before V with no collection since A: only V's collections show it
        ForkResult fork =
                fork(heap("A", -1, 100, 100, 1, 30), heap("P", 100, -1, -1, 0, 160), heap("V", 100, 260, 1000, 6, 900));

        assertThat(Growth.rank(fork, "V", Cause.HEAP_OOM))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(tuple("P", mib(160)), tuple("A", mib(160) / 4));
    }

    @Test
    void aClassRightBeforeTheVictimGetsNoMoreOfTheVictimsWindowThanItAllocated() {
        // C keeps 40 MiB (its end saw 45 in use, below its last collection's 50: its tail is not measured), D
        // allocates 1 MiB, V's first collection holds 7 MiB of V's own rows: D kept at most its 1 MiB of them, and C,
        // the opener, gets its quarter of them (A opened C's window, its tail unmeasured: a quarter of that one)
        ForkResult fork = fork(
                heap("A", -1, 5, 5, 1, 10),
                heapEnd(heap("C", 5, 45, 50, 3, 40), 45),
                heap("D", 50, -1, -1, 0, 1),
                heap("V", 50, 52, 150, 20, 120));

        assertThat(Growth.rank(fork, "V", Cause.HEAP_OOM))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(tuple("C", mib(40) + mib(7) / 4), tuple("A", mib(40) / 4), tuple("D", mib(1)));
    }

    @Test
    void lastWindowScoresNothingWhenTheVictimsMeasurementsWereLost() {
        ForkResult fork = fork(
                heap("A", -1, 100, 100, 1, 30),
                heap("P", 100, -1, -1, 0, 160),
                new ClassRun("V", ClassRun.Outcome.DIED, 0, 0, 0, 0, Measure.NONE, "heap", null, null));

        assertThat(Growth.rank(fork, "V", Cause.HEAP_OOM))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(tuple("P", 0L), tuple("A", 0L));
    }

    @Test
    void exactRetainedMeasurementsAreUsedAsTheyAre() {
        ForkResult fork = fork(
                exact("A", 20, 20, 0),
                exact("P", 20, 90, 0),
                exact("Q", 90, 95, 7),
                exact("B", 95, 95, 3),
                heap("V", 95, 200, 250, 2, 300));

        assertThat(Growth.rank(fork, "V", Cause.GC_OVERHEAD))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(tuple("P", mib(70)), tuple("Q", mib(5)), tuple("B", 0L), tuple("A", 0L));
    }

    @Test
    void oneClassWithoutExactMeasurementFallsBackToTheFloorForAll() {
        // B has no exact measurement: A and B share the first window, from A's liveBefore to B's collection; B also
        // opens the victim's window, alone in it
        ForkResult fork = fork(exact("A", 20, 90, 4), heap("B", 90, 90, 90, 1, 10), heap("V", 90, 95, 250, 2, 300));

        assertThat(Growth.rank(fork, "V", Cause.HEAP_OOM))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(
                        tuple("B", Math.round(mib(70) * 10.0 / 14) + mib(5)),
                        tuple("A", Math.round(mib(70) * 4.0 / 14)));
    }

    @Test
    void theRiseBetweenAClasssOwnCollectionsIsItsAlone() {
        // the fork's first collection runs inside P, after 20 classes' worth of garbage; from its first collection
        // to its last only P ran, so those 80 MiB are P's, whatever the classes before it allocated
        List<ClassRun> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(heap("A" + i, 7, -1, -1, 0, 7));
        }
        runs.add(heap("P", -1, 31, 112, 6, 150));
        runs.add(heap("B", 112, 113, 113, 1, 3));
        runs.add(heap("V", 113, 120, 250, 2, 300));

        List<Growth.Score> ranking = Growth.rank(fork(runs.toArray(new ClassRun[0])), "V", Cause.HEAP_OOM);

        assertThat(ranking.get(0).className()).isEqualTo("P");
        assertThat(ranking.get(0).retained()).isGreaterThanOrEqualTo(mib(81));
        // the 24 MiB the first window rose by are shared by allocation; B opens the victim's window, alone in it
        assertThat(ranking)
                .filteredOn(score -> score.className().startsWith("A"))
                .hasSize(20)
                .allSatisfy(score -> assertThat(score.retained()).isLessThan(mib(2)));
    }

    @Test
    void theHeapInUseAtAClasssEndBoundsWhatWasKeptWhereACollectionReportedNoLiveHeap() {
        // A's collection reported no live heap, but A ended with 71 MiB in use: nothing kept then can be more. P keeps
        // 60 MiB and B's collection sees 135: P gets most of the rise, not nothing
        ForkResult fork = fork(
                heapEnd(heap("A", 71, -1, -1, 1, 5), 71),
                heapEnd(heap("P", 71, -1, -1, 0, 60), 141),
                heapEnd(heap("Q", 71, -1, -1, 0, 6), 147),
                heapEnd(heap("B", 71, 135, 135, 1, 6), 136),
                heap("V", 135, 140, 250, 2, 300));

        List<Growth.Score> ranking = Growth.rank(fork, "V", Cause.HEAP_OOM);

        assertThat(ranking.get(0).className()).isEqualTo("P");
        assertThat(ranking.get(0).retained()).isGreaterThan(mib(48));
    }

    @Test
    void whatTheOpenerAllocatedAfterItsLastCollectionSharesTheNextWindow() {
        // P's last collection saw 112 MiB, it ended with 166 MiB in use: 54 MiB allocated after that collection, which
        // B's collection (168 MiB) found still live. B allocated 3 MiB: P gets 54/57 of the rise, not a quarter. B
        // allocated nothing after its collection: the 2 MiB more that V's collection holds are V's working set
        ForkResult fork = fork(
                heapEnd(heap("P", 10, 112, 112, 1, 150), 166),
                heapEnd(heap("B", 112, 168, 168, 1, 3), 168),
                heap("V", 168, 170, 250, 2, 300));

        assertThat(Growth.rank(fork, "V", Cause.HEAP_OOM))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(
                        tuple("P", mib(102) + Math.round(mib(56) * 54.0 / 57)),
                        tuple("B", Math.round(mib(56) * 3.0 / 57)));
    }

    @Test
    void directBuffersGrowFromOneClassEndToTheNext() {
        ForkResult fork = fork(
                offHeap("A", m -> m.direct(10)),
                offHeap("B", m -> m.direct(110)),
                offHeap("C", m -> m.direct(110)),
                offHeap("D", m -> m.direct(300)),
                offHeap("V", m -> m.direct(600)));

        assertThat(Growth.rank(fork, "V", Cause.DIRECT_OOM))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(tuple("D", mib(190)), tuple("B", mib(100)), tuple("A", 0L), tuple("C", 0L));
    }

    @Test
    void threadsAreCountedFromEachClassStartSoTheFirstClassCountsToo() {
        ForkResult fork = fork(
                offHeap("A", m -> m.threads(10, 40)),
                offHeap("B", m -> m.threads(40, 38)),
                offHeap("C", m -> m.threads(38, 45)),
                offHeap("V", m -> m.threads(45, 4000)));

        assertThat(Growth.rank(fork, "V", Cause.THREAD_OOM))
                .extracting(Growth.Score::className, Growth.Score::retained)
                .containsExactly(tuple("A", 30L), tuple("C", 7L), tuple("B", 0L));
    }

    @Test
    void metaspaceAndResidentMemoryGrowFromOneClassEndToTheNext() {
        ForkResult fork = fork(
                offHeap("A", m -> m.metaspace(40).rss(300)),
                offHeap("B", m -> m.metaspace(140).rss(320)),
                offHeap("C", m -> m.metaspace(150).rss(900)),
                offHeap("V", m -> m.metaspace(500).rss(1500)));

        assertThat(Growth.rank(fork, "V", Cause.METASPACE_OOM))
                .extracting(Growth.Score::className)
                .containsExactly("B", "C", "A");
        for (Cause cause : List.of(Cause.MEMORY_LIMIT, Cause.KILLED)) {
            assertThat(Growth.rank(fork, "V", cause))
                    .extracting(Growth.Score::className, Growth.Score::retained)
                    .containsExactly(tuple("C", mib(580)), tuple("B", mib(20)), tuple("A", 0L));
        }
    }

    @Test
    void onlyClassesBeforeTheVictimAreRanked() {
        ForkResult fork =
                fork(heap("A", -1, 50, 50, 1, 10), heap("V", 50, 60, 60, 1, 10), heap("Z", 60, 90, 90, 1, 10));

        assertThat(Growth.rank(fork, "V", Cause.HEAP_OOM))
                .extracting(Growth.Score::className)
                .containsExactly("A");
    }

    private static ForkResult fork(ClassRun... runs) {
        List<String> names = new ArrayList<>();
        for (ClassRun run : runs) {
            names.add(run.name());
        }
        Probe probe = new Probe(1, names, new Purpose.NotYetRun(names.size()), false, Set.of(), true);
        return new ForkResult(probe, names, List.of(runs), null, 0, null, List.of());
    }

    /** A class measured the cheap way; sizes in MiB. */
    private static ClassRun heap(
            String name, long liveBefore, long liveMin, long liveLast, long gcCount, long allocated) {
        return run(name, new Values().heap(liveBefore, liveMin, liveLast, gcCount, allocated));
    }

    /** The same class with the heap in use at its end (MiB). */
    private static ClassRun heapEnd(ClassRun run, long mebibytes) {
        return new ClassRun(
                run.name(),
                run.outcome(),
                1,
                0,
                0,
                0,
                run.measure().with(MeasureField.HEAP_END, mib(mebibytes)),
                null,
                null,
                null);
    }

    /** A class measured with forced collections at its boundaries; sizes in MiB. */
    private static ClassRun exact(String name, long liveBefore, long retained, long allocated) {
        return run(name, new Values().heap(liveBefore, -1, -1, 0, allocated).retained(retained));
    }

    private static ClassRun offHeap(String name, java.util.function.UnaryOperator<Values> values) {
        return run(name, values.apply(new Values()));
    }

    private static ClassRun run(String name, Values v) {
        return new ClassRun(name, ClassRun.Outcome.PASSED, 1, 0, 0, 0, v.measure(), null, null, null);
    }

    /** Measure fields a test sets; sizes in MiB, -1 for "not measured". */
    private static final class Values {
        long liveBefore = -1;
        long liveMin = -1;
        long liveLast = -1;
        long gcCount = -1;
        long allocated = -1;
        long retained = -1;
        long direct = -1;
        long metaspace = -1;
        long rss = -1;
        long threadsStart = -1;
        long threadsEnd = -1;

        Values heap(long before, long min, long last, long gcs, long alloc) {
            liveBefore = before;
            liveMin = min;
            liveLast = last;
            gcCount = gcs;
            allocated = alloc;
            return this;
        }

        Values retained(long value) {
            retained = value;
            return this;
        }

        Values direct(long value) {
            direct = value;
            return this;
        }

        Values metaspace(long value) {
            metaspace = value;
            return this;
        }

        Values rss(long value) {
            rss = value;
            return this;
        }

        Values threads(long start, long end) {
            threadsStart = start;
            threadsEnd = end;
            return this;
        }

        Measure measure() {
            Map<MeasureField, Long> values = new EnumMap<>(MeasureField.class);
            values.put(MeasureField.MILLIS, 100L);
            values.put(MeasureField.LIVE_MIN, bytes(liveMin));
            values.put(MeasureField.LIVE_MAX, bytes(liveLast));
            values.put(MeasureField.LIVE_LAST, bytes(liveLast));
            values.put(MeasureField.LIVE_BEFORE, bytes(liveBefore));
            values.put(MeasureField.RETAINED, bytes(retained));
            values.put(MeasureField.HEAP_MAX, mib(256));
            values.put(MeasureField.RSS_END, bytes(rss));
            values.put(MeasureField.DIRECT_END, bytes(direct));
            values.put(MeasureField.METASPACE_END, bytes(metaspace));
            values.put(MeasureField.THREADS_START, threadsStart);
            values.put(MeasureField.THREADS_END, threadsEnd);
            values.put(MeasureField.ALLOCATED, bytes(allocated));
            values.put(MeasureField.GC_COUNT, gcCount);
            return Measure.of(values);
        }

        private static long bytes(long mebibytes) {
            return mebibytes < 0 ? -1 : mib(mebibytes);
        }
    }

    @Test
    void suspectsAreTheFewTopClassesThatKeptMostOfWhatTheCandidatesKept() {
        List<Growth.Score> ranking = List.of(
                new Growth.Score("P", 150, 0, 3),
                new Growth.Score("Q", 40, 0, 5),
                new Growth.Score("N1", 9, 0, 1),
                new Growth.Score("N2", 1, 0, 2));

        // P keeps 75% of the 200 kept: enough on its own
        assertThat(Growth.suspects(ranking, List.of("P", "Q", "N1", "N2"), 8, 1))
                .containsExactly("P");
        // without P, Q keeps 80% of 50
        assertThat(Growth.suspects(ranking, List.of("Q", "N1", "N2"), 8, 1)).containsExactly("Q");
        assertThat(Growth.suspects(ranking, List.of("P", "Q"), 1, 1)).containsExactly("P");
    }

    @Test
    void noClassIsASuspectWhenWhatWasKeptIsSpreadThinlyOrNothingWasKept() {
        List<Growth.Score> thin = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            thin.add(new Growth.Score("T" + i, 5, 0, i));
        }
        List<String> all = thin.stream().map(Growth.Score::className).toList();

        assertThat(Growth.suspects(thin, all, 8, 1)).isEmpty();
        assertThat(Growth.suspects(List.of(new Growth.Score("A", 0, 0, 0)), List.of("A"), 8, 1))
                .isEmpty();
    }

    @Test
    void aClassThatKeptLessThanTheHeapsNoiseFloorIsNoSuspectHoweverItRanks() {
        // nothing kept much: two plain classes' 1.4 and 2.8 MiB are the collections' timing, not a polluter's
        ForkResult fork =
                fork(heap("A", 10, 11, 12, 1, 8), heap("B", 12, 14, 15, 1, 9), heap("V", 15, 16, 250, 2, 300));
        long floor = Growth.noiseFloor(fork, Cause.HEAP_OOM);
        List<Growth.Score> ranking =
                List.of(new Growth.Score("B", mib(28) / 10, 0, 1), new Growth.Score("A", mib(14) / 10, 0, 0));

        assertThat(floor).as("a sixty-fourth of the 256 MiB heap").isEqualTo(mib(4));
        assertThat(Growth.suspects(ranking, List.of("A", "B"), 8, floor)).isEmpty();
        assertThat(Growth.suspects(
                        List.of(new Growth.Score("P", mib(40), 0, 1), new Growth.Score("A", mib(3), 0, 0)),
                        List.of("A", "P"),
                        8,
                        floor))
                .containsExactly("P");
        assertThat(Growth.noiseFloor(fork, Cause.METASPACE_OOM))
                .as("measured at class ends")
                .isEqualTo(1);
    }
}
