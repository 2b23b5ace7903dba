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
    void exactRetainedMeasuresWhatEachTestMethodAllocatedAndKept() {
        ClassMeter meter = new ClassMeter(new ProcStatus(), new GcWatcher(), true);
        ClassMeter.Window w = meter.begin();

        ClassMeter.MethodWindow keeps = meter.beginMethod(w);
        for (int i = 0; i < 128; i++) { // 8 MiB kept
            kept.add(new byte[64 * 1024]);
        }
        MethodFigures first = meter.endMethod(w, keeps, true);
        ClassMeter.MethodWindow churns = meter.beginMethod(w);
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 256; i++) { // 16 MiB allocated, none kept
            garbage.add(new byte[64 * 1024]);
        }
        garbage.clear();
        MethodFigures second = meter.endMethod(w, churns, true);
        meter.end(w, true);

        assertThat(first.allocated()).isGreaterThanOrEqualTo(8 * MIB);
        assertThat(first.kept()).isBetween(7 * MIB, 10 * MIB);
        assertThat(second.allocated()).isGreaterThanOrEqualTo(16 * MIB);
        assertThat(second.kept()).isLessThan(MIB);
    }

    @Test
    void withoutExactRetainedAMethodWithoutACollectionHasAnAllocationButNoKept() {
        GcWatcher gc = new GcWatcher();
        ClassMeter meter = new ClassMeter(new ProcStatus(), gc, false);
        ClassMeter.Window w = meter.begin();
        long collections = collections();

        ClassMeter.MethodWindow m = meter.beginMethod(w);
        byte[] small = new byte[1024];
        MethodFigures figures = meter.endMethod(w, m, true);

        assertThat(small).hasSize(1024);
        assertThat(figures.allocated()).isGreaterThanOrEqualTo(1024);
        assertThat(figures.kept()).isEqualTo(-1); // the watcher is not installed: it saw no collection
        assertThat(collections() - collections).isLessThan(2);
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
