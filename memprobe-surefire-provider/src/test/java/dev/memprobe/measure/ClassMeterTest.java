package dev.memprobe.measure;

import static dev.memprobe.journal.MeasureField.LIVE_BEFORE;
import static dev.memprobe.journal.MeasureField.RETAINED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.Measures;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meter in this JVM, with real collections. */
class ClassMeterTest {

    private static final long MIB = 1024 * 1024;

    /** What the "class" under measurement keeps, as a static field would. */
    private final List<byte[]> kept = new ArrayList<>();

    @Test
    void exactRetainedMeasuresWhatAClassKeptAndTheNextClassStartsFromThatWithoutCollectingAgain() {
        ClassMeter meter = new ClassMeter(new ProcStatus(), new GcWatcher(), true);

        ClassMeter.Window first = meter.begin();
        for (int i = 0; i < 128; i++) { // 8 MiB in 64 KiB chunks, ordinary objects in any G1 heap
            kept.add(new byte[64 * 1024]);
        }
        Measures keeps = meter.end(first, true);

        assertThat(keeps.get(LIVE_BEFORE)).isPositive();
        assertThat(keeps.get(RETAINED) - keeps.get(LIVE_BEFORE)).isBetween(7 * MIB, 10 * MIB);

        long collections = collections();
        ClassMeter.Window second = meter.begin();
        // a forced baseline is two full collections; a young one may happen to run meanwhile
        assertThat(collections() - collections).isLessThan(2);
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            garbage.add(new byte[64 * 1024]);
        }
        garbage.clear();
        Measures keepsNothing = meter.end(second, true);

        assertThat(keepsNothing.get(LIVE_BEFORE)).isEqualTo(keeps.get(RETAINED));
        assertThat(Math.abs(keepsNothing.get(RETAINED) - keepsNothing.get(LIVE_BEFORE)))
                .isLessThan(MIB);
        assertThat(kept).hasSize(128);
    }

    @Test
    void withoutExactRetainedNothingIsCollected() {
        ClassMeter meter = new ClassMeter(new ProcStatus(), new GcWatcher(), false);
        long collections = collections();

        Measures measures = meter.end(meter.begin(), true);

        assertThat(measures.get(RETAINED)).isEqualTo(-1);
        assertThat(collections() - collections).isLessThan(2);
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }
}
