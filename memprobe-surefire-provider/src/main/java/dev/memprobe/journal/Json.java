package dev.memprobe.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON dialect both JVMs share: objects, arrays, strings, integers, decimals, booleans and null. This
 * class writes it; {@link JsonParser} reads it.
 *
 * <p>The fork may not bring a JSON library (it would sit on the user's test classpath), so the contract carries its
 * own. Parsed objects are {@link LinkedHashMap}s (field order kept), arrays are {@link List}s, integers are
 * {@link Long}s and decimals {@link Double}s.
 */
public final class Json {

    private Json() {}

    /** Appends {@code value} to {@code out} as a JSON string literal, escaping what JSON requires. */
    public static void quote(CharSequence value, StringBuilder out) {
        out.append('"');
        int plain = plainPrefix(value);
        if (plain == value.length()) {
            // the usual case (class, method and key names): nothing to escape, appended at once
            out.append(value).append('"');
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || isLoneSurrogate(value, i)) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int pad = hex.length(); pad < 4; pad++) {
                            out.append('0');
                        }
                        out.append(hex);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /** How many leading characters of {@code value} JSON takes as they are (printable ASCII but quote and backslash). */
    private static int plainPrefix(CharSequence value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return i;
            }
        }
        return length;
    }

    /** A surrogate without its partner cannot be encoded as UTF-8 (it would become '?'); it is escaped instead. */
    private static boolean isLoneSurrogate(CharSequence value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    /** Writes any value this class can parse back: maps, iterables, strings, numbers, booleans and null. */
    public static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence) {
            quote((CharSequence) value, out);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
            } else {
                out.append(d);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Iterable) {
            out.append('[');
            boolean first = true;
            for (Object item : (Iterable<?>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            quote(value.toString(), out);
        }
    }

    /** Returns {@code value} as compact JSON text. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * Parses one JSON value that must fill {@code text} (surrounding white space allowed).
     *
     * @throws JsonException naming the line and column where the text stops being JSON
     */
    public static Object parse(CharSequence text) {
        return new JsonParser(text).whole();
    }

    /** Parses text that must be a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(CharSequence text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object but found " + kind(value));
        }
        return (Map<String, Object>) value;
    }

    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    /** Text that is not JSON; the message names where it stops being JSON. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public JsonException(String message) {
            super(message);
        }
    }
}
