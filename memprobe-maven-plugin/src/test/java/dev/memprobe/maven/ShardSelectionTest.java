package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.Report;
import dev.memprobe.shard.Shard;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardSelectionTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aClassWeighsWhatItsOwnFiguresSayNotTheForksLiveHeap() {
        // ran after a polluter: the fork held 200 MiB live while it ran, the class itself kept nothing and needed 3 MiB
        Report.ClassEntry victimOfTheLevel = entry(200 * MIB, 210 * MIB).withOwn(own(0, 3 * MIB), List.of());

        assertThat(ShardSelection.cost(victimOfTheLevel)).isEqualTo(new Shard.Cost(40, 3 * MIB));
    }

    @Test
    void whatAClassKeptCountsWhenItExceedsWhatItNeeded() {
        Report.ClassEntry polluter = entry(150 * MIB, 160 * MIB).withOwn(own(150 * MIB, -1), List.of());

        assertThat(ShardSelection.cost(polluter).heapBytes()).isEqualTo(150 * MIB);
    }

    @Test
    void aReportWithoutOwnFiguresFallsBackToTheLiveHeapPeakThenTheHeapPeak() {
        assertThat(ShardSelection.cost(entry(20 * MIB, 30 * MIB)).heapBytes()).isEqualTo(20 * MIB);
        assertThat(ShardSelection.cost(entry(-1, 30 * MIB)).heapBytes()).isEqualTo(30 * MIB);
        assertThat(ShardSelection.cost(entry(20 * MIB, 30 * MIB).withOwn(own(-1, -1), List.of()))
                        .heapBytes())
                .isEqualTo(20 * MIB);
    }

    private static Report.Own own(long kept, long needed) {
        return new Report.Own(
                kept,
                kept < 0 ? null : Report.Own.ESTIMATED,
                needed,
                needed < 0 ? null : Report.Own.MEASURED,
                -1,
                0,
                0,
                0,
                0,
                null);
    }

    private static Report.ClassEntry entry(long liveHeapPeak, long heapPeak) {
        return new Report.ClassEntry(
                "com.acme.CartTest",
                "passed",
                3,
                0,
                0,
                0,
                40,
                heapPeak,
                liveHeapPeak,
                -1,
                -1,
                heapPeak,
                85 * MIB,
                8192,
                9 * MIB,
                10,
                MIB,
                0,
                1,
                null,
                null);
    }
}
