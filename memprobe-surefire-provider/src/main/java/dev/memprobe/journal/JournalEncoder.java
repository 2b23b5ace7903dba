package dev.memprobe.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link JournalEvent} as its journal line: one JSON object and a newline. With {@link JournalDecoder}, the
 * one place that knows the journal's field names. A field whose value is absent (null, or -1 for a measurement) is
 * left out of the line.
 */
final class JournalEncoder implements JournalVisitor {

    private final StringBuilder text = new StringBuilder(256);

    private JournalEncoder() {}

    /** The line for {@code event}, newline included. */
    static String encode(JournalEvent event) {
        JournalEncoder encoder = new JournalEncoder();
        encoder.text.append('{');
        Json.quote(Journal.EVENT, encoder.text);
        encoder.text.append(':');
        Json.quote(event.type().journalName(), encoder.text);
        encoder.text.append(',');
        Json.quote(Journal.TIME, encoder.text);
        encoder.text.append(':').append(event.time());
        event.accept(encoder);
        return encoder.text.append('}').append('\n').toString();
    }

    @Override
    public void fork(ForkEvent e) {
        put(Journal.FORMAT_VERSION, e.format());
        put(Journal.PID, e.pid());
        put(Journal.JAVA_VERSION, e.javaVersion());
        put(Journal.JAVA_VENDOR, e.vendor());
        put(Journal.VM, e.vm());
        put(Journal.MAX_HEAP, e.maxHeap() < 0 ? null : e.maxHeap());
        put(Journal.GCS, e.collectors());
        put(Journal.RSS_RESET, e.rssResettable());
        put(Journal.JVM_START, e.jvmStart() < 0 ? null : e.jvmStart());
        put(Journal.PARALLEL_FORCED_OFF, e.parallelForcedOff() ? Boolean.TRUE : null);
    }

    @Override
    public void plan(PlanEvent e) {
        put(Journal.CLASSES, e.classes());
    }

    @Override
    public void classStart(ClassStartEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.SEQ, e.seq());
    }

    @Override
    public void testStart(TestStartEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.METHOD, e.method());
    }

    @Override
    public void testEnd(TestEndEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.METHOD, e.method());
        put(Journal.STATUS, e.status() == null ? null : e.status().journalName());
        put(Journal.MILLIS, e.millis());
        problem(e.problem());
        put(Journal.ALLOCATED, e.allocated() < 0 ? null : e.allocated());
        put(Journal.KEPT, e.kept() < 0 ? null : e.kept());
    }

    @Override
    public void classEnd(ClassEndEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.SEQ, e.seq());
        put(Journal.TESTS, e.counts().tests());
        put(Journal.FAILURES, e.counts().failures());
        put(Journal.ERRORS, e.counts().errors());
        put(Journal.SKIPS, e.counts().skipped());
        for (Map.Entry<String, Object> field : measures(e.measures()).entrySet()) {
            put(field.getKey(), field.getValue());
        }
        put(Journal.HISTOGRAM, e.histogram() == null ? null : histogram(e.histogram()));
    }

    @Override
    public void nearLimit(NearLimitEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.METHOD, e.method());
        put(Journal.POOL, e.pool());
        put(Journal.USED, e.used());
        put(Journal.MAX, e.max());
    }

    @Override
    public void gcOverhead(GcOverheadEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.METHOD, e.method());
        put(Journal.WINDOW_MILLIS, e.windowMillis());
        put(Journal.GC_MILLIS, e.gcMillis());
        put(Journal.COLLECTIONS, e.collections());
        put(Journal.USED, e.leastLive());
        put(Journal.MAX, e.maxHeap());
        put(Journal.MEASURE, e.measures() == null ? null : measures(e.measures()));
    }

    @Override
    public void error(ErrorEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.METHOD, e.method());
        problem(e.problem());
        put(Journal.MEASURE, e.measures() == null ? null : measures(e.measures()));
    }

    @Override
    public void recovered(RecoveredEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.USED, e.used());
        put(Journal.MAX, e.max());
    }

    @Override
    public void shutdown(ShutdownEvent e) {
        put(Journal.TRIGGER, e.trigger() == null ? null : e.trigger().journalName());
        put(Journal.CALLER, e.caller());
        put(Journal.CLASS, e.className());
        put(Journal.METHOD, e.method());
        put(Journal.MEASURE, e.measures() == null ? null : measures(e.measures()));
    }

    @Override
    public void runEnd(RunEndEvent e) {
        put(Journal.SEQ, e.classes());
    }

    @Override
    public void memory(MemoryEvent e) {
        put(Journal.USED, e.heapUsed() < 0 ? null : e.heapUsed());
        put(Journal.LIVE, e.liveHeap() < 0 ? null : e.liveHeap());
        put(Journal.RSS, e.rss() < 0 ? null : e.rss());
    }

    @Override
    public void heapDump(HeapDumpEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.PHASE, e.phase() == null ? null : e.phase().journalName());
        put(Journal.FILE, e.file());
        put(Journal.BYTES, e.bytes() < 0 ? null : e.bytes());
        put(Journal.MILLIS, e.millis() < 0 ? null : e.millis());
        put(Journal.COMPRESSED_OOPS, e.compressedOops());
        put(Journal.REASON, e.skipped());
    }

    @Override
    public void threadsLeft(ThreadsLeftEvent e) {
        put(Journal.CLASS, e.className());
        put(Journal.COUNT, e.count());
        List<Map<String, Object>> threads = new ArrayList<>();
        for (ThreadsLeftEvent.LiveThread thread : e.threads()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(Journal.NAME, thread.name());
            item.put(Journal.DAEMON, thread.daemon());
            if (thread.state() != null) {
                item.put(Journal.STATE, thread.state());
            }
            if (thread.runs() != null) {
                item.put(Journal.RUNS, thread.runs());
            }
            if (thread.startedBy() != null) {
                item.put(Journal.STARTED_BY, thread.startedBy());
            }
            threads.add(item);
        }
        put(Journal.THREADS, threads);
    }

    private void problem(Problem problem) {
        if (problem != null) {
            put(Journal.THROWABLE, problem.throwable());
            put(Journal.MESSAGE, problem.message());
        }
    }

    /**
     * The fields of a class's measurements in the table's order, the pool peaks after the heap peak they add up to
     * (where format 1 has always had them); values not measured are left out.
     */
    private static Map<String, Object> measures(Measures m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (MeasureField field : MeasureField.values()) {
            if (m.get(field) >= 0) {
                fields.put(field.key(), m.get(field));
            }
            if (field == MeasureField.HEAP_PEAK && !m.poolPeaks().isEmpty()) {
                fields.put(Journal.POOL_PEAKS, m.poolPeaks());
            }
        }
        return fields;
    }

    private static List<Map<String, Object>> histogram(List<HistogramRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (HistogramRow row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(Journal.TYPE, row.type());
            item.put(Journal.BYTES, row.bytes());
            item.put(Journal.INSTANCES, row.instances());
            item.put(Journal.GROWTH, row.growth());
            result.add(item);
        }
        return result;
    }

    private void put(String key, Object value) {
        if (value != null) {
            text.append(',');
            Json.quote(key, text);
            text.append(':');
            Json.write(value, text);
        }
    }
}
