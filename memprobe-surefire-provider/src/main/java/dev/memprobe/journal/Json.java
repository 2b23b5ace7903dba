package dev.memprobe.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small JSON dialect both JVMs share: objects, arrays, strings, integers, decimals, booleans and null.
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
        for (int i = 0; i < value.length(); i++) {
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
        Parser parser = new Parser(text);
        parser.skipSpace();
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
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

    private static final class Parser {
        /** JSON's number grammar: no leading zeros, no lone sign or point, an exponent with digits. */
        private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

        private final CharSequence text;
        private int pos;

        Parser(CharSequence text) {
            this.text = text;
        }

        Object value() {
            if (pos >= text.length()) {
                throw error("the text ends where a value should start");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> result = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return result;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a field name in double quotes");
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                result.put(key, value());
                skipSpace();
                char c = peek();
                pos++;
                if (c == '}') {
                    return result;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}' in an object");
                }
            }
        }

        private List<Object> array() {
            List<Object> result = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return result;
            }
            while (true) {
                skipSpace();
                result.add(value());
                skipSpace();
                char c = peek();
                pos++;
                if (c == ']') {
                    return result;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']' in an array");
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("a string is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    int escape = pos - 1;
                    if (pos >= text.length()) {
                        throw error("a string is not closed");
                    }
                    char e = text.charAt(pos++);
                    switch (e) {
                        case '"':
                        case '\\':
                        case '/':
                            out.append(e);
                            break;
                        case 'b':
                            out.append('\b');
                            break;
                        case 'f':
                            out.append('\f');
                            break;
                        case 'n':
                            out.append('\n');
                            break;
                        case 'r':
                            out.append('\r');
                            break;
                        case 't':
                            out.append('\t');
                            break;
                        case 'u':
                            int code = 0;
                            for (int digit = 0; digit < 4; digit++) {
                                int value = pos + digit < text.length() ? hex(text.charAt(pos + digit)) : -1;
                                if (value < 0) {
                                    pos = escape;
                                    throw error("a \\u escape needs four hex digits");
                                }
                                code = code * 16 + value;
                            }
                            out.append((char) code);
                            pos += 4;
                            break;
                        default:
                            pos = escape;
                            throw error("unknown escape '\\" + e + "'");
                    }
                } else if (c < 0x20) {
                    pos--;
                    throw error("a control character inside a string");
                } else {
                    out.append(c);
                }
            }
        }

        private Object number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            boolean decimal = false;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c >= '0' && c <= '9') {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && pos > start)) {
                    decimal = true;
                    pos++;
                } else {
                    break;
                }
            }
            String token = text.subSequence(start, pos).toString();
            if (!NUMBER.matcher(token).matches()) {
                pos = start;
                throw error("'" + token + "' is not a number");
            }
            try {
                if (!decimal) {
                    return Long.valueOf(token);
                }
                return Double.valueOf(token);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("'" + token + "' is too large for a whole number");
            }
        }

        /** The value of an ASCII hex digit, or -1 ({@code Character.digit} would take other scripts' digits too). */
        private static int hex(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        private Object literal(String word, Object value) {
            if (pos + word.length() > text.length()
                    || !text.subSequence(pos, pos + word.length()).toString().equals(word)) {
                throw error("unexpected text");
            }
            pos += word.length();
            return value;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("the text ends too early");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        void skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        JsonException error(String what) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < pos && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new JsonException(what + " at line " + line + ", column " + column);
        }
    }
}
