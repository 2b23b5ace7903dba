package dev.memprobe.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    static List<Arguments> escapes() {
        return List.of(
                Arguments.of("plain", "\"plain\""),
                Arguments.of("say \"hi\"", "\"say \\\"hi\\\"\""),
                Arguments.of("C:\\temp", "\"C:\\\\temp\""),
                Arguments.of("a\nb\rc\td", "\"a\\nb\\rc\\td\""),
                Arguments.of("\u0000\u0001\u001f", "\"\\u0000\\u0001\\u001f\""),
                Arguments.of("\b\f", "\"\\u0008\\u000c\""),
                Arguments.of("line\u2028para\u2029", "\"line\\u2028para\\u2029\""),
                Arguments.of("ÜberTest 日本語 😀", "\"ÜberTest 日本語 😀\""),
                Arguments.of("<script>alert(1)</script>", "\"<script>alert(1)</script>\""),
                Arguments.of("lone \ud800 high", "\"lone \\ud800 high\""),
                Arguments.of("lone \udc00 low", "\"lone \\udc00 low\""));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void quotesWhatJsonRequiresAndKeepsTheRest(String value, String json) {
        StringBuilder out = new StringBuilder();
        Json.quote(value, out);

        assertThat(out.toString()).isEqualTo(json);
        assertThat(out.chars())
                .as("no line breaks or control characters")
                .noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029);
        assertThat(Json.parse(json)).isEqualTo(value);
    }

    static List<Arguments> numbers() {
        return List.of(
                Arguments.of("0", 0L),
                Arguments.of("42", 42L),
                Arguments.of("-7", -7L),
                Arguments.of("-0", 0L),
                Arguments.of("999999999999999999", 999_999_999_999_999_999L),
                Arguments.of("-99999999999999999", -99_999_999_999_999_999L),
                Arguments.of("1000000000000000000", 1_000_000_000_000_000_000L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("1.5", 1.5),
                Arguments.of("-0.25", -0.25),
                Arguments.of("1e3", 1000.0),
                Arguments.of("2E-2", 0.02),
                Arguments.of("6.02e+23", 6.02e23));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void readsWholeNumbersAsLongsAndDecimalsAsDoubles(String json, Object expected) {
        assertThat(Json.parse(json)).isEqualTo(expected);
    }

    @Test
    void writesNumbersSoTheyReadBackAsTheSameType() {
        List<Object> values = Arrays.asList(0L, -1L, Long.MAX_VALUE, 12, 1.5, -0.001, 1e21);

        Object back = Json.parse(Json.write(values));

        assertThat(back).isEqualTo(Arrays.asList(0L, -1L, Long.MAX_VALUE, 12L, 1.5, -0.001, 1e21));
    }

    @Test
    void writesNotANumberAndInfinityAsNull() {
        assertThat(Json.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)))
                .isEqualTo("[null,null,null]");
    }

    @Test
    void readsNestedObjectsAndArraysInOrder() {
        Object value = Json.parse(" {\"b\": [1, {\"c\": null, \"d\": [true, false]}],\n \"a\": {}, \"e\": []} ");

        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("c", null);
        inner.put("d", List.of(true, false));
        assertThat(value).isEqualTo(Map.of("b", List.of(1L, inner), "a", Map.of(), "e", List.of()));
        assertThat(new ArrayList<Object>(((Map<?, ?>) value).keySet())).containsExactly("b", "a", "e");
    }

    @Test
    void writesNestedValuesThatParseBackEqual() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "com.acme.\"Quoted\" | `Tick` <script>");
        value.put("list", List.of("x", 1L, 2.5, true));
        value.put("nothing", null);
        List<Object> deep = new ArrayList<>();
        deep.add(Map.of("k", List.of(List.of())));
        value.put("deep", deep);

        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }

    @Test
    void readsEveryEscapeJsonDefines() {
        assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u2028 \\ud83d\\ude00\""))
                .isEqualTo("\" \\ / \b \f \n \r \t é \u2028 😀");
    }

    static List<Arguments> notJson() {
        return List.of(
                Arguments.of("", "the text ends where a value should start at line 1, column 1"),
                Arguments.of("   ", "the text ends where a value should start at line 1, column 4"),
                Arguments.of("{\"a\": 1,\n  \"b\": x}", "unexpected character 'x' at line 2, column 8"),
                Arguments.of("{\"a\": 1} x", "unexpected text after the value at line 1, column 10"),
                Arguments.of("{\"a\" 1}", "expected ':' at line 1, column 6"),
                Arguments.of("{a: 1}", "expected a field name in double quotes at line 1, column 2"),
                Arguments.of("[1 2]", "expected ',' or ']' in an array at line 1, column 4"),
                Arguments.of("{\"a\": 1\n\n\"b\": 2}", "expected ',' or '}' in an object at line 3, column 1"),
                Arguments.of("[1,", "the text ends where a value should start at line 1, column 4"),
                Arguments.of("{\"a\":", "the text ends where a value should start at line 1, column 6"),
                Arguments.of("\"open", "a string is not closed at line 1, column 6"),
                Arguments.of("\"tab\there\"", "a control character inside a string at line 1, column 5"),
                Arguments.of("\"\\x\"", "unknown escape '\\x' at line 1, column 2"),
                Arguments.of("\"\\u12\"", "a \\u escape needs four hex digits at line 1, column 2"),
                Arguments.of("\"\\u+041\"", "a \\u escape needs four hex digits at line 1, column 2"),
                Arguments.of("\"\\u-041\"", "a \\u escape needs four hex digits at line 1, column 2"),
                Arguments.of("tru", "unexpected text at line 1, column 1"),
                Arguments.of("nul", "unexpected text at line 1, column 1"),
                Arguments.of("-", "'-' is not a number at line 1, column 1"),
                Arguments.of("01", "'01' is not a number at line 1, column 1"),
                Arguments.of("1.", "'1.' is not a number at line 1, column 1"),
                Arguments.of("[.5]", "unexpected character '.' at line 1, column 2"),
                Arguments.of("1e", "'1e' is not a number at line 1, column 1"),
                Arguments.of("1-2", "'1-2' is not a number at line 1, column 1"),
                Arguments.of(
                        "\n  9223372036854775808",
                        "'9223372036854775808' is too large for a whole number at line 2, column 3"));
    }

    @ParameterizedTest
    @MethodSource("notJson")
    void rejectsTextThatIsNotJsonNamingLineAndColumn(String text, String message) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(Json.JsonException.class)
                .hasMessage(message);
    }

    @Test
    void parseObjectRejectsOtherValuesNamingWhatItFound() {
        assertThatThrownBy(() -> Json.parseObject("[1]"))
                .isInstanceOf(Json.JsonException.class)
                .hasMessage("expected a JSON object but found an array");
        assertThatThrownBy(() -> Json.parseObject("\"x\""))
                .isInstanceOf(Json.JsonException.class)
                .hasMessage("expected a JSON object but found a string");
    }
}
