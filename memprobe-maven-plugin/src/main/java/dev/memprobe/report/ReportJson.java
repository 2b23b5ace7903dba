package dev.memprobe.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}'s text through Jackson: a tree of maps, lists and values written in the report's layout (two
 * spaces an indent, lists of plain values on one line) and read back strictly (no duplicate field, nothing after the
 * report, at most {@value #MAX_DEPTH} levels), every problem a one-line {@link InvalidReportException}.
 */
final class ReportJson {

    /** Deeper than any report (it nests 4): deeper input is refused before it is parsed further. */
    static final int MAX_DEPTH = 64;

    /** Writing needs jackson-core's generator alone: the report is written in a cold JVM at a build's end. */
    private static final JsonFactory FACTORY = factory();

    private ReportJson() {}

    private static JsonFactory factory() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        factory.setCharacterEscapes(new Escapes());
        return factory;
    }

    /**
     * Reading, made on first use: databind's mapper loads some 400 classes (about 0.1 s in a cold Maven JVM), which a
     * run that only writes its report does not pay.
     */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The tree of {@code text}: maps, lists, strings, longs, doubles, booleans and nulls. */
    static Object parse(String text) {
        try {
            return Reading.MAPPER.readValue(text, Object.class);
        } catch (StreamConstraintsException e) {
            throw new InvalidReportException("it nests arrays or objects more than " + MAX_DEPTH
                    + " levels deep (a memprobe report nests 4), so it is not a memprobe report");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidReportException("it is not valid JSON: " + oneLine(e.getOriginalMessage()) + where);
        }
    }

    /** A value as JSON on one line, cut after 200 characters, for messages. */
    static String show(Object value) {
        String text;
        try {
            text = Reading.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            text = String.valueOf(value);
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Writes {@code tree} (maps, lists, strings, numbers, booleans, nulls) in the report's layout. */
    static void write(Object tree, Writer out) throws IOException {
        StringWriter text = new StringWriter();
        Layout layout = new Layout();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.setPrettyPrinter(layout);
            value(tree, g, layout);
        }
        out.write(text.toString());
    }

    private static void value(Object value, JsonGenerator g, Layout layout) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(e.getValue(), g, layout);
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            layout.nextInline = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
            g.writeStartArray();
            for (Object item : list) {
                value(item, g, layout);
            }
            g.writeEndArray();
        } else if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d); // a share, such as 0.98 (Double.toString's form)
        } else {
            throw new IllegalArgumentException(
                    "not a report value: " + value.getClass().getName());
        }
    }

    private static String oneLine(String message) {
        String text = message == null ? "malformed" : message.replace('\n', ' ').replace('\r', ' ');
        int source = text.indexOf(" at [Source:");
        return source > 0 ? text.substring(0, source) : text;
    }

    /**
     * The report's layout: an object's fields one a line, indented by two spaces a level, {@code "key": value}; a
     * list of objects or lists one item a line; a list of plain values on one line without spaces.
     */
    private static final class Layout implements PrettyPrinter {

        private final Deque<Boolean> arrays = new ArrayDeque<>();
        private int depth;
        boolean nextInline;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {}

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            arrays.push(nextInline);
            g.writeRaw('[');
            if (!nextInline) {
                depth++;
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!arrays.peek()) {
                newline(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (!arrays.peek()) {
                newline(g);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (!arrays.pop()) {
                depth--;
                if (values > 0) {
                    newline(g);
                }
            }
            g.writeRaw(']');
        }
    }

    /**
     * Escapes as report.json always has: control characters as {@code \}{@code uXXXX} (but {@code \n}, {@code \r},
     * {@code \t}), the line and paragraph separators and surrogates too, so that no text breaks a line of a reader
     * that splits on them and no half of a pair turns into a replacement character in UTF-8.
     */
    private static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii['\b'] = ESCAPE_CUSTOM;
            ascii['\f'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '\b' || ch == '\f' || ch == 0x2028 || ch == 0x2029 || Character.isSurrogate((char) ch)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
