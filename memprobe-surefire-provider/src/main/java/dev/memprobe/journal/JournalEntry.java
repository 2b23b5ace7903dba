package dev.memprobe.journal;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One line of a journal read back: its event and its fields. */
public final class JournalEntry {

    private final int lineNumber;
    private final Map<String, Object> fields;

    JournalEntry(int lineNumber, Map<String, Object> fields) {
        this.lineNumber = lineNumber;
        this.fields = Collections.unmodifiableMap(fields);
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String event() {
        return string(Journal.EVENT);
    }

    public boolean is(String event) {
        return event.equals(event());
    }

    public long time() {
        return number(Journal.TIME, 0);
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public boolean has(String key) {
        return fields.get(key) != null;
    }

    public String string(String key) {
        Object value = fields.get(key);
        return value == null ? null : value.toString();
    }

    /** The field as a whole number, or {@code fallback} when it is absent or not a number. */
    public long number(String key, long fallback) {
        Object value = fields.get(key);
        return value instanceof Number ? ((Number) value).longValue() : fallback;
    }

    /** The field as a whole number, or {@code null} when it is absent. */
    public Long numberOrNull(String key) {
        Object value = fields.get(key);
        return value instanceof Number ? Long.valueOf(((Number) value).longValue()) : null;
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(fields.get(key));
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object value = fields.get(key);
        return value instanceof List ? (List<Object>) value : Collections.emptyList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object value = fields.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Collections.<String, Object>emptyMap();
    }

    /** A nested object read as an entry of its own (the measurements inside "error" and "shutdown"). */
    public JournalEntry nested(String key) {
        return new JournalEntry(lineNumber, map(key));
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + Json.write(fields);
    }
}
