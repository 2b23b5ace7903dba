package dev.memprobe.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a journal line's fields into its {@link JournalEvent}; with {@link JournalEncoder}, the one place that knows
 * the journal's field names. Lenient as a reader of a versioned format must be: a missing field, or one of another
 * type, reads as absent (null, -1, false, empty), and an event this version does not know is skipped.
 */
final class JournalDecoder {

    private final Map<String, Object> fields;

    private JournalDecoder(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The event of a line whose {@code event} field is a string; null when this version does not know it. */
    static JournalEvent decode(Map<String, Object> fields) {
        EventType type = EventType.named(String.valueOf(fields.get(Journal.EVENT)));
        return type == null ? null : new JournalDecoder(fields).event(type);
    }

    private JournalEvent event(EventType type) {
        long time = number(Journal.TIME, 0);
        switch (type) {
            case FORK:
                return new ForkEvent(
                        time,
                        (int) number(Journal.FORMAT_VERSION, -1),
                        number(Journal.PID, -1),
                        string(Journal.JAVA_VERSION),
                        string(Journal.JAVA_VENDOR),
                        string(Journal.VM),
                        number(Journal.MAX_HEAP, -1),
                        strings(Journal.GCS),
                        flag(Journal.RSS_RESET),
                        number(Journal.JVM_START, -1),
                        flag(Journal.PARALLEL_FORCED_OFF));
            case PLAN:
                return new PlanEvent(time, strings(Journal.CLASSES));
            case CLASS_START:
                return new ClassStartEvent(time, string(Journal.CLASS), (int) number(Journal.SEQ, 0));
            case TEST_START:
                return new TestStartEvent(time, string(Journal.CLASS), string(Journal.METHOD));
            case TEST_END:
                Object millis = fields.get(Journal.MILLIS);
                return new TestEndEvent(
                        time,
                        string(Journal.CLASS),
                        string(Journal.METHOD),
                        TestStatus.named(string(Journal.STATUS)),
                        millis instanceof Number ? Integer.valueOf(((Number) millis).intValue()) : null,
                        problem(),
                        number(Journal.ALLOCATED, -1),
                        number(Journal.KEPT, -1));
            case CLASS_END:
                return new ClassEndEvent(
                        time,
                        string(Journal.CLASS),
                        (int) number(Journal.SEQ, 0),
                        new TestCounts(
                                (int) number(Journal.TESTS, 0),
                                (int) number(Journal.FAILURES, 0),
                                (int) number(Journal.ERRORS, 0),
                                (int) number(Journal.SKIPS, 0)),
                        measures(),
                        fields.get(Journal.HISTOGRAM) == null ? null : histogram());
            case NEAR_LIMIT:
                return new NearLimitEvent(
                        time,
                        string(Journal.CLASS),
                        string(Journal.METHOD),
                        string(Journal.POOL),
                        number(Journal.USED, -1),
                        number(Journal.MAX, -1));
            case GC_OVERHEAD:
                return new GcOverheadEvent(
                        time,
                        string(Journal.CLASS),
                        string(Journal.METHOD),
                        number(Journal.WINDOW_MILLIS, -1),
                        number(Journal.GC_MILLIS, -1),
                        (int) number(Journal.COLLECTIONS, -1),
                        number(Journal.USED, -1),
                        number(Journal.MAX, -1),
                        nested(Journal.MEASURE));
            case ERROR:
                return new ErrorEvent(
                        time, string(Journal.CLASS), string(Journal.METHOD), problem(), nested(Journal.MEASURE));
            case RECOVERED:
                return new RecoveredEvent(
                        time, string(Journal.CLASS), number(Journal.USED, -1), number(Journal.MAX, -1));
            case SHUTDOWN:
                return new ShutdownEvent(
                        time,
                        ShutdownTrigger.named(string(Journal.TRIGGER)),
                        string(Journal.CALLER),
                        string(Journal.CLASS),
                        string(Journal.METHOD),
                        nested(Journal.MEASURE));
            case RUN_END:
                return new RunEndEvent(time, (int) number(Journal.SEQ, 0));
            case MEMORY:
                return new MemoryEvent(
                        time, number(Journal.USED, -1), number(Journal.LIVE, -1), number(Journal.RSS, -1));
            case HEAP_DUMP:
                return new HeapDumpEvent(
                        time,
                        string(Journal.CLASS),
                        HeapDumpEvent.Phase.named(string(Journal.PHASE)),
                        string(Journal.FILE),
                        number(Journal.BYTES, -1),
                        number(Journal.MILLIS, -1),
                        flag(Journal.COMPRESSED_OOPS),
                        string(Journal.REASON));
            case THREADS_LEFT:
                return new ThreadsLeftEvent(time, string(Journal.CLASS), (int) number(Journal.COUNT, 0), liveThreads());
            default:
                return null;
        }
    }

    private Problem problem() {
        String throwable = string(Journal.THROWABLE);
        String message = string(Journal.MESSAGE);
        return throwable == null && message == null ? null : new Problem(throwable, message);
    }

    /** The measurements at the top of a class-end line. */
    private Measures measures() {
        Measures.Builder measures = Measures.builder();
        for (MeasureField field : MeasureField.values()) {
            measures.set(field, number(field.key(), -1));
        }
        for (Map.Entry<String, Object> pool : map(Journal.POOL_PEAKS).entrySet()) {
            if (pool.getValue() instanceof Number) {
                measures.poolPeak(pool.getKey(), ((Number) pool.getValue()).longValue());
            }
        }
        return measures.build();
    }

    /** The measurements nested under {@code key}, or null when the line has none. */
    private Measures nested(String key) {
        return fields.get(key) == null ? null : new JournalDecoder(map(key)).measures();
    }

    private List<HistogramRow> histogram() {
        List<HistogramRow> rows = new ArrayList<>();
        for (Object row : list(Journal.HISTOGRAM)) {
            if (row instanceof Map) {
                @SuppressWarnings("unchecked")
                JournalDecoder item = new JournalDecoder((Map<String, Object>) row);
                rows.add(new HistogramRow(
                        String.valueOf(item.fields.get(Journal.TYPE)),
                        item.number(Journal.BYTES, -1),
                        item.number(Journal.INSTANCES, -1),
                        item.number(Journal.GROWTH, -1)));
            }
        }
        return rows;
    }

    private List<ThreadsLeftEvent.LiveThread> liveThreads() {
        List<ThreadsLeftEvent.LiveThread> threads = new ArrayList<>();
        for (Object row : list(Journal.THREADS)) {
            if (row instanceof Map) {
                @SuppressWarnings("unchecked")
                JournalDecoder item = new JournalDecoder((Map<String, Object>) row);
                threads.add(new ThreadsLeftEvent.LiveThread(
                        item.string(Journal.NAME),
                        item.flag(Journal.DAEMON),
                        item.string(Journal.STATE),
                        item.string(Journal.RUNS),
                        item.string(Journal.STARTED_BY)));
            }
        }
        return threads;
    }

    private String string(String key) {
        Object value = fields.get(key);
        return value == null ? null : value.toString();
    }

    private long number(String key, long fallback) {
        Object value = fields.get(key);
        return value instanceof Number ? ((Number) value).longValue() : fallback;
    }

    private boolean flag(String key) {
        return Boolean.TRUE.equals(fields.get(key));
    }

    private List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        for (Object value : list(key)) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String key) {
        Object value = fields.get(key);
        return value instanceof List ? (List<Object>) value : Collections.emptyList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        Object value = fields.get(key);
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<String, Object>();
    }
}
