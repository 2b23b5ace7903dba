package dev.memprobe.journal;

/**
 * The measurements of one test class: the one table that the journal's writer and reader both go through, in the
 * order they are written. Each is a whole number, absent from the line (and -1 when read) when it was not measured.
 * Adding a measurement is a constant here and the line in {@code ClassMeter} that measures it; the plugin's
 * {@code Measure} carries every constant of this table.
 */
public enum MeasureField {
    /** Wall time of the class, in milliseconds. */
    MILLIS("ms"),
    /** Sum of the heap pools' peaks since the class started: an upper bound of the heap it needed. */
    HEAP_PEAK("heapPeak"),
    /** The fork's maximum heap. */
    HEAP_MAX("heapMax"),
    /** Heap used after the last collection before the class started (exact with a forced collection). */
    LIVE_BEFORE("liveBefore"),
    /** Least heap used right after a collection during the class. */
    LIVE_MIN("liveMin"),
    /** Greatest heap used right after a collection during the class: the live set it reached. */
    LIVE_MAX("liveMax"),
    /** Heap used right after the class's last collection. */
    LIVE_LAST("liveLast"),
    /** Heap after a forced collection at the class's end (only with exact measurement or a histogram). */
    RETAINED("retained"),
    /** Collections during the class. */
    GC_COUNT("gcCount"),
    /** Time spent in collections during the class, in milliseconds. */
    GC_MILLIS("gcMs"),
    /** Heap used at the class's end, garbage included. */
    HEAP_END("heapEnd"),
    /** Resident memory high-water mark during the class. */
    RSS_PEAK("rssPeak"),
    /** Resident memory at the class's end. */
    RSS_END("rssEnd"),
    /** Greatest direct buffer memory seen during the class. */
    DIRECT_PEAK("directPeak"),
    /** Direct buffer memory at the class's end. */
    DIRECT_END("directEnd"),
    /** Mapped buffer memory at the class's end. */
    MAPPED_END("mappedEnd"),
    /** Metaspace peak during the class. */
    METASPACE_PEAK("metaspacePeak"),
    /** Metaspace used at the class's end. */
    METASPACE_END("metaspaceEnd"),
    /** Classes loaded in the JVM at the class's end. */
    CLASSES_LOADED("classesLoaded"),
    /** Live threads when the class started. */
    THREADS_START("threadsStart"),
    /** Peak of live threads during the class. */
    THREADS_PEAK("threadsPeak"),
    /** Live threads at the class's end. */
    THREADS_END("threadsEnd"),
    /** Bytes the test thread allocated during the class. */
    ALLOCATED("allocated"),
    /** Heap used when the class started, garbage included: the base of its heap peak. */
    HEAP_START("heapStart"),
    /** Direct buffer memory when the class started: the base of its own growth. */
    DIRECT_START("directStart"),
    /** Metaspace used when the class started. */
    METASPACE_START("metaspaceStart"),
    /** Classes loaded in the JVM when the class started. */
    CLASSES_START("classesStart");

    private final String key;

    MeasureField(String key) {
        this.key = key;
    }

    /** The field's name in a journal line. */
    String key() {
        return key;
    }
}
