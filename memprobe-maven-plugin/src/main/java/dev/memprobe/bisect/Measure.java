package dev.memprobe.bisect;

import dev.memprobe.journal.MeasureField;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one test class used in one fork, as the provider measured it: a value for each measurement of the journal's
 * table ({@link MeasureField}) that was measured, the peak of each heap pool, and for confirmation runs the object
 * types the class left behind. An accessor returns {@code -1} for "not measured" (no collection ran during the
 * class, no {@code /proc} on this OS, ...).
 *
 * @param values the measured values, by field; a field without a value was not measured
 * @param poolPeaks the peak of each heap pool since the class started, by pool name
 * @param histogram the object types the class left behind, largest growth first (confirmation runs only)
 * @param methods what each test method allocated and left behind, in the order they ended (empty when the journal
 *     carried none)
 */
public record Measure(
        Map<MeasureField, Long> values,
        Map<String, Long> poolPeaks,
        List<HistogramRow> histogram,
        List<MethodMeasure> methods) {

    public static final Measure NONE = new Measure(Map.of(), Map.of(), List.of());

    public Measure {
        EnumMap<MeasureField, Long> measured = new EnumMap<>(MeasureField.class);
        values.forEach((field, value) -> {
            if (value != null && value >= 0) {
                measured.put(field, value);
            }
        });
        values = Collections.unmodifiableMap(measured);
        poolPeaks = Map.copyOf(poolPeaks);
        histogram = List.copyOf(histogram);
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    /** A measure without figures per method. */
    public Measure(Map<MeasureField, Long> values, Map<String, Long> poolPeaks, List<HistogramRow> histogram) {
        this(values, poolPeaks, histogram, List.of());
    }

    /**
     * One test method's own figures.
     *
     * @param allocated bytes the test thread allocated during the method, -1 when not measured
     * @param kept what it left behind in the heap (exact with {@code exactRetained}, else estimated from the
     *     collections in it), -1 when not measured
     */
    public record MethodMeasure(String method, long allocated, long kept) {}

    /** The measurements in {@code values}, without pool peaks or histogram. */
    public static Measure of(Map<MeasureField, Long> values) {
        return new Measure(values, Map.of(), List.of());
    }

    /** One object type in a histogram diff. */
    public record HistogramRow(String type, long bytes, long instances, long growth) {}

    /** The measurement, or -1 when it was not measured. */
    public long get(MeasureField field) {
        return values.getOrDefault(field, -1L);
    }

    /** A copy with {@code field} set to {@code value} (negative: not measured). */
    public Measure with(MeasureField field, long value) {
        EnumMap<MeasureField, Long> changed = new EnumMap<>(MeasureField.class);
        changed.putAll(values);
        changed.put(field, value);
        return new Measure(changed, poolPeaks, histogram, methods);
    }

    /** A copy with the duration set (used by tests and the fake runner). */
    public Measure withDuration(long millis) {
        return with(MeasureField.MILLIS, millis);
    }

    /** A copy with these pool peaks. */
    public Measure withPoolPeaks(Map<String, Long> peaks) {
        return new Measure(values, peaks, histogram, methods);
    }

    /** A copy with this histogram. */
    public Measure withHistogram(List<HistogramRow> rows) {
        return new Measure(values, poolPeaks, rows, methods);
    }

    /** A copy with these figures per method. */
    public Measure withMethods(List<MethodMeasure> figures) {
        return new Measure(values, poolPeaks, histogram, figures);
    }

    /** Wall time of the class. */
    public long durationMs() {
        return get(MeasureField.MILLIS);
    }

    /** Sum of the heap pools' peaks since the class started: an upper bound of the heap it needed. */
    public long heapPeak() {
        return get(MeasureField.HEAP_PEAK);
    }

    /** Least heap used right after a collection during the class. */
    public long liveMin() {
        return get(MeasureField.LIVE_MIN);
    }

    /** Greatest heap used right after a collection during the class: the live set it reached. */
    public long liveMax() {
        return get(MeasureField.LIVE_MAX);
    }

    /** Heap used right after the class's last collection. */
    public long liveLast() {
        return get(MeasureField.LIVE_LAST);
    }

    /** Heap used after the last collection before the class started. */
    public long liveBefore() {
        return get(MeasureField.LIVE_BEFORE);
    }

    /** Heap after a forced collection at the class's end (only with exact measurement). */
    public long retained() {
        return get(MeasureField.RETAINED);
    }

    /** Heap used at the class's end, garbage included. */
    public long heapEnd() {
        return get(MeasureField.HEAP_END);
    }

    /** The fork's maximum heap. */
    public long heapMax() {
        return get(MeasureField.HEAP_MAX);
    }

    /** Resident memory high-water mark during the class. */
    public long rssPeak() {
        return get(MeasureField.RSS_PEAK);
    }

    public long rssEnd() {
        return get(MeasureField.RSS_END);
    }

    public long directPeak() {
        return get(MeasureField.DIRECT_PEAK);
    }

    public long directEnd() {
        return get(MeasureField.DIRECT_END);
    }

    public long mappedEnd() {
        return get(MeasureField.MAPPED_END);
    }

    public long metaspacePeak() {
        return get(MeasureField.METASPACE_PEAK);
    }

    public long metaspaceEnd() {
        return get(MeasureField.METASPACE_END);
    }

    public long threadsStart() {
        return get(MeasureField.THREADS_START);
    }

    public long threadsPeak() {
        return get(MeasureField.THREADS_PEAK);
    }

    public long threadsEnd() {
        return get(MeasureField.THREADS_END);
    }

    public long allocated() {
        return get(MeasureField.ALLOCATED);
    }

    public long gcCount() {
        return get(MeasureField.GC_COUNT);
    }

    public long gcMillis() {
        return get(MeasureField.GC_MILLIS);
    }
}
