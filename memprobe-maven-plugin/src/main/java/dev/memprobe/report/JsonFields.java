package dev.memprobe.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a report being read, with its path for messages ({@code culprits[0].}): every accessor rejects a
 * value of the wrong type with an {@link InvalidReportException} that names the field.
 */
record JsonFields(Map<String, Object> fields, String path) {

    String string(String key) {
        Object v = fields.get(key);
        if (v != null && !(v instanceof String)) {
            throw wrongType(key, "a string", v);
        }
        return (String) v;
    }

    String required(String key) {
        if (fields.get(key) == null) {
            throw new InvalidReportException("the field " + path + key + " is missing");
        }
        return string(key);
    }

    /** A whole number; absent (null) is -1, "not measured". */
    long number(String key) {
        Object v = fields.get(key);
        return v == null ? -1 : whole(path + key, v);
    }

    /** A number, whole or not; absent (null) is 0. */
    double decimal(String key) {
        Object v = fields.get(key);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n)) {
            throw wrongType(key, "a number", v);
        }
        return n.doubleValue();
    }

    int smallNumber(String key) {
        long n = number(key);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new InvalidReportException("the field " + path + key + " should be a whole number up to "
                    + Integer.MAX_VALUE + " but is " + n);
        }
        return (int) n;
    }

    Integer integer(String key) {
        return fields.get(key) == null ? null : smallNumber(key);
    }

    boolean flag(String key) {
        Object v = fields.get(key);
        if (v != null && !(v instanceof Boolean)) {
            throw wrongType(key, "true or false", v);
        }
        return Boolean.TRUE.equals(v);
    }

    List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                throw wrongType(key + "[" + i + "]", "a string", list.get(i));
            }
            result.add(text);
        }
        return result;
    }

    List<Integer> integers(String key) {
        List<Integer> result = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            long n = whole(path + key + "[" + i + "]", list.get(i));
            if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                throw wrongType(key + "[" + i + "]", "a whole number up to " + Integer.MAX_VALUE, n);
            }
            result.add((int) n);
        }
        return result;
    }

    Map<String, Long> longs(String key) {
        Map<String, Long> result = new LinkedHashMap<>();
        Object v = fields.get(key);
        if (v == null) {
            return result;
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw wrongType(key, "an object", v);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            result.put(String.valueOf(e.getKey()), whole(path + key + "." + e.getKey(), e.getValue()));
        }
        return result;
    }

    /** Whether the field is present and not null. */
    boolean has(String key) {
        return fields.get(key) != null;
    }

    @SuppressWarnings("unchecked")
    JsonFields node(String key) {
        Object v = fields.get(key);
        if (v == null) {
            throw new InvalidReportException("the field " + path + key + " is missing");
        }
        if (!(v instanceof Map)) {
            throw wrongType(key, "an object", v);
        }
        return new JsonFields((Map<String, Object>) v, path + key + ".");
    }

    @SuppressWarnings("unchecked")
    List<JsonFields> nodes(String key) {
        List<JsonFields> result = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                throw wrongType(key + "[" + i + "]", "an object", list.get(i));
            }
            result.add(new JsonFields((Map<String, Object>) list.get(i), path + key + "[" + i + "]."));
        }
        return result;
    }

    /** A list; absent is empty. */
    private List<?> list(String key) {
        Object v = fields.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw wrongType(key, "a list", v);
        }
        return list;
    }

    private InvalidReportException wrongType(String key, String expected, Object actual) {
        return new InvalidReportException(
                "the field " + path + key + " should be " + expected + " but is " + ReportJson.show(actual));
    }

    private static long whole(String field, Object v) {
        if (!(v instanceof Long n)) {
            throw new InvalidReportException(
                    "the field " + field + " should be a whole number but is " + ReportJson.show(v));
        }
        return n;
    }
}
