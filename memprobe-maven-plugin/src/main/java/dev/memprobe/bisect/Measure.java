package dev.memprobe.bisect;

import java.util.List;
import java.util.Map;

/**
 * What one test class used in one fork, as the provider measured it. {@code -1} means "not measured" (no collection
 * ran during the class, no {@code /proc} on this OS, ...).
 *
 * @param durationMs wall time of the class
 * @param heapPeak sum of the heap pools' peaks since the class started: an upper bound of the heap it needed
 * @param liveMin least heap used right after a collection during the class
 * @param liveMax greatest heap used right after a collection during the class: the live set it reached
 * @param liveBefore heap used after the last collection before the class started
 * @param retained heap after a forced collection at the class's end (only with exact measurement)
 * @param heapEnd heap used at the class's end, garbage included
 * @param heapMax the fork's maximum heap
 * @param rssPeak resident memory high-water mark during the class
 * @param histogram the object types the class left behind, largest growth first (confirmation runs only)
 */
public record Measure(
        long durationMs,
        long heapPeak,
        long liveMin,
        long liveMax,
        long liveLast,
        long liveBefore,
        long retained,
        long heapEnd,
        long heapMax,
        long rssPeak,
        long rssEnd,
        long directPeak,
        long directEnd,
        long mappedEnd,
        long metaspacePeak,
        long metaspaceEnd,
        long threadsStart,
        long threadsPeak,
        long threadsEnd,
        long allocated,
        long gcCount,
        long gcMillis,
        Map<String, Long> poolPeaks,
        List<HistogramRow> histogram) {

    public static final Measure NONE = new Measure(
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, Map.of(),
            List.of());

    public Measure {
        poolPeaks = Map.copyOf(poolPeaks);
        histogram = List.copyOf(histogram);
    }

    /** One object type in a histogram diff. */
    public record HistogramRow(String type, long bytes, long instances, long growth) {}

    /** A copy with the duration set (used by tests and the fake runner). */
    public Measure withDuration(long millis) {
        return new Measure(
                millis,
                heapPeak,
                liveMin,
                liveMax,
                liveLast,
                liveBefore,
                retained,
                heapEnd,
                heapMax,
                rssPeak,
                rssEnd,
                directPeak,
                directEnd,
                mappedEnd,
                metaspacePeak,
                metaspaceEnd,
                threadsStart,
                threadsPeak,
                threadsEnd,
                allocated,
                gcCount,
                gcMillis,
                poolPeaks,
                histogram);
    }
}
