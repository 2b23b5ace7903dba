package dev.memprobe.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link Json}'s dialect: objects become {@link LinkedHashMap}s (field order kept), arrays {@link List}s,
 * integers {@link Long}s and decimals {@link Double}s. An error names the line and column where the text stops
 * being JSON.
 */
final class JsonParser {
    private final CharSequence text;
    private int pos;

    JsonParser(CharSequence text) {
        this.text = text;
    }

    /** The one value that fills the text (white space around it allowed). */
    Object whole() {
        skipSpace();
        Object result = value();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected text after the value");
        }
        return result;
    }

    private Object value() {
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
        // most strings have nothing to unescape: taken at once up to their closing quote
        int start = pos;
        int end = start;
        int length = text.length();
        while (end < length) {
            char c = text.charAt(end);
            if (c == '"') {
                pos = end + 1;
                return text.subSequence(start, end).toString();
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            end++;
        }
        StringBuilder out = new StringBuilder(end - start + 16);
        out.append(text, start, end);
        pos = end;
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
        if (!isNumber(start, pos)) {
            String token = text.subSequence(start, pos).toString();
            pos = start;
            throw error("'" + token + "' is not a number");
        }
        if (!decimal && pos - start < 19) { // fewer than 19 characters: no long overflows
            boolean negative = text.charAt(start) == '-';
            long value = 0;
            for (int i = negative ? start + 1 : start; i < pos; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return negative ? -value : value;
        }
        String token = text.subSequence(start, pos).toString();
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

    /**
     * Whether {@code text[from, to)} is a JSON number: {@code -?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?}, checked
     * by hand (a regular expression per number was most of a journal's reading time).
     */
    private boolean isNumber(int from, int to) {
        int i = from;
        if (i < to && text.charAt(i) == '-') {
            i++;
        }
        if (i < to && text.charAt(i) == '0') {
            i++;
        } else {
            i = digits(i, to);
            if (i < 0) {
                return false;
            }
        }
        if (i < to && text.charAt(i) == '.') {
            i = digits(i + 1, to);
            if (i < 0) {
                return false;
            }
        }
        if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < to && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            i = digits(i, to);
            if (i < 0) {
                return false;
            }
        }
        return i == to;
    }

    /** The end of the run of digits at {@code i}, or -1 when there is none. */
    private int digits(int i, int to) {
        int end = i;
        while (end < to && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end > i ? end : -1;
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

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                break;
            }
        }
    }

    private Json.JsonException error(String what) {
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
        return new Json.JsonException(what + " at line " + line + ", column " + column);
    }
}
