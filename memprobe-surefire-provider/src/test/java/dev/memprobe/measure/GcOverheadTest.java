package dev.memprobe.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector fed synthetic collections, shaped as the calibration measured them (JDK 17, G1, 2 cores; see
 * docs/architecture.md): a crawl collects back to back with the heap 86 to 93% full after each; a heavy allocator
 * that frees what it allocates may collect as often, with the heap far from full after its collections.
 */
class GcOverheadTest {

    private static final long MIB = 1024 * 1024;
    private static final long MAX = 64 * MIB;

    private final List<GcOverhead.Reading> told = new ArrayList<>();
    private boolean writable = true;
    private final GcOverhead detector = new GcOverhead(MAX, 0, reading -> {
        told.add(reading);
        return writable;
    });

    /**
     * Collections from {@code from} to {@code to} ms of uptime, one every {@code every} ms, each a pause of
     * {@code pause} ms that leaves {@code live} bytes.
     */
    private void collections(long from, long to, long every, long pause, long live) {
        for (long start = from; start + pause <= to; start += every) {
            detector.collected(start, start + pause, true, live);
        }
    }

    @Test
    void aCrawlWithTheHeapNearlyFullAfterEveryCollectionTripsItOnce() {
        // 100 collections a second, 8 ms each: 80% of the time; 58 of 64 MiB live after each (91%)
        collections(0, 30_000, 10, 8, 58 * MIB);

        assertThat(told).hasSize(1);
        GcOverhead.Reading reading = told.get(0);
        assertThat(reading.windowMillis()).isEqualTo(GcOverhead.WINDOW_MILLIS);
        assertThat(reading.gcMillis()).isBetween(7_990L, 8_000L);
        assertThat(reading.collections()).isEqualTo(1000);
        assertThat(reading.leastLive()).isEqualTo(58 * MIB);
        assertThat(reading.maxHeap()).isEqualTo(MAX);
        assertThat(detector.told()).isTrue();
    }

    @Test
    void itTripsAsSoonAsTheWindowHoldsHalfItsTimeInCollections() {
        // quiet for 20 s (the heap already full), then the crawl: 90% of the time in collections from 20 s on
        collections(0, 20_000, 1_000, 5, 58 * MIB);
        collections(20_000, 40_000, 10, 9, 58 * MIB);

        assertThat(told).hasSize(1);
        assertThat(told.get(0).gcMillis()).isBetween(5_000L, 5_009L);
        // 4 quiet collections and about 5.5 s of the crawl's
        assertThat(told.get(0).collections()).isBetween(555, 560);
    }

    @Test
    void aHeavyAllocatorThatFreesWhatItAllocatesGoesOnHoweverOftenItCollects() {
        // the calibration's ring of 16 MiB of recent arrays in a 64 MiB heap: 60% of the time, 17 MiB live
        collections(0, 120_000, 5, 3, 17 * MIB);
        // and a heap 79% full, collected 90% of the time: still under the floor of 80%
        collections(120_000, 240_000, 10, 9, (long) (MAX * 0.79));

        assertThat(told).isEmpty();
    }

    @Test
    void aShortBurstOfCollectionsWithTheHeapFullDoesNotTripIt() {
        // a class loads a large fixture near the limit for 4 s, collecting all the time, then lets it go; nothing
        // else collected in the fork
        collections(30_000, 34_000, 10, 10, 62 * MIB);
        collections(60_000, 61_000, 500, 2, 10 * MIB);

        assertThat(told).isEmpty();
    }

    @Test
    void aCrawlAfterQuietCollectionsWaitsForTheLastOfThemToLeaveTheWindow() {
        collections(0, 20_000, 1_000, 5, 10 * MIB); // the last at 19,000 to 19,005
        collections(20_000, 28_000, 10, 9, 58 * MIB);
        assertThat(told).as("a collection 9 s ago left the heap nearly empty").isEmpty();

        collections(28_000, 30_000, 10, 9, 58 * MIB);

        assertThat(told).hasSize(1);
        assertThat(told.get(0).leastLive()).isEqualTo(58 * MIB);
    }

    @Test
    void nothingTripsBeforeTheJvmHasBeenWatchedForAWholeWindow() {
        GcOverhead lateStart = new GcOverhead(MAX, 3_000, reading -> told.add(reading));
        // collecting 100% of the time from the start
        for (long t = 3_000; t < 12_990; t += 10) {
            lateStart.collected(t, t + 10, true, 60 * MIB);
        }
        assertThat(told).as("watched since 3 s: 9.99 s seen").isEmpty();

        lateStart.collected(12_990, 13_000, true, 60 * MIB);

        assertThat(told).hasSize(1);
    }

    @Test
    void aLongPauseThatBeganBeforeTheWindowCountsOnlyItsPartInside() {
        detector.collected(2_000, 8_000, true, 60 * MIB); // a 6 s full collection
        detector.collected(14_000, 14_010, true, 60 * MIB);
        // the window (4,010 ms, 14,010 ms] holds 3,990 ms of the long pause and 10 ms: 40%, not 60%
        assertThat(told).isEmpty();

        collections(14_010, 30_000, 10, 10, 60 * MIB);

        // tripped once the long pause had left the window: 5 s of the crawl's back-to-back collections
        assertThat(told).hasSize(1);
        assertThat(told.get(0).gcMillis()).isEqualTo(5_000);
        assertThat(told.get(0).collections()).isEqualTo(500);
    }

    @Test
    void concurrentCyclesCountForTheHeapButNotForTheTime() {
        // ZGC: back-to-back cycles while the application runs, short pauses beside them, the heap nearly full
        for (long t = 0; t < 60_000; t += 100) {
            detector.collected(t, t + 99, false, 60 * MIB);
            detector.collected(t + 50, t + 51, true, 60 * MIB);
        }

        assertThat(told).isEmpty();
    }

    @Test
    void aReadingThatCouldNotBeWrittenIsGivenAgainAtTheNextCollection() {
        writable = false;
        collections(0, 12_000, 10, 9, 60 * MIB);
        int attempts = told.size();
        assertThat(attempts).isGreaterThan(1);
        assertThat(detector.told()).isFalse();

        writable = true;
        collections(12_000, 20_000, 10, 9, 60 * MIB);

        assertThat(told).hasSize(attempts + 1);
        assertThat(detector.told()).isTrue();
    }

    @Test
    void aHeapWithoutAMaximumIsNeverPastSaving() {
        GcOverhead unbounded = new GcOverhead(-1, 0, reading -> told.add(reading));
        for (long t = 0; t < 30_000; t += 10) {
            unbounded.collected(t, t + 10, true, 60 * MIB);
        }

        assertThat(told).isEmpty();
    }

    @Test
    void theGcWatcherTellsPausesFromConcurrentCycles() {
        assertThat(GcWatcher.isPause("end of minor GC")).isTrue();
        assertThat(GcWatcher.isPause("end of major GC")).isTrue();
        assertThat(GcWatcher.isPause("end of concurrent GC pause")).isTrue(); // G1's remark and cleanup
        assertThat(GcWatcher.isPause("end of GC pause")).isTrue();
        assertThat(GcWatcher.isPause("end of GC cycle")).isFalse(); // ZGC, Shenandoah
    }
}
