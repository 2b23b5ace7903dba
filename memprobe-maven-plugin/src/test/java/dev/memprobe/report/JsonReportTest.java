package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memprobe.journal.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReportTest {

    @Test
    void aFullyPopulatedReportReadsBackEqual() throws IOException {
        Report report = SampleReports.full();

        assertThat(JsonReportReader.read(json(report))).isEqualTo(report);
    }

    @Test
    void aReportWithNothingOptionalReadsBackEqual() throws IOException {
        Report report = SampleReports.empty();

        assertThat(JsonReportReader.read(json(report))).isEqualTo(report);
    }

    @Test
    void aReportWrittenBeforeExactRetainedWasRecordedReadsAsWithoutIt() throws IOException {
        String text = json(SampleReports.full());
        assertThat(text).contains("\"exactRetained\": true");

        Report older = JsonReportReader.read(text.replaceAll(",\\s*\"exactRetained\": true", ""));

        assertThat(older.settings().exactRetained()).isFalse();
        assertThat(older.settings().runnerMemoryBytes())
                .isEqualTo(SampleReports.full().settings().runnerMemoryBytes());
    }

    @Test
    void whetherForksWereStoppedOnGcOverheadReadsBackAndIsFalseInAReportWrittenBeforeIt() throws IOException {
        Report full = SampleReports.full();
        Report.Settings s = full.settings();
        Report stopping = new Report(
                full.schemaVersion(),
                full.toolVersion(),
                full.generatedAt(),
                full.project(),
                full.verdict(),
                full.summary(),
                full.culprits(),
                full.findings(),
                full.classes(),
                full.probes(),
                full.ranking(),
                new Report.Settings(
                        s.maxHeapBytes(),
                        s.memoryLimitBytes(),
                        s.forkTimeoutMs(),
                        s.strategy(),
                        s.batchSize(),
                        s.failFast(),
                        s.confirmRuns(),
                        s.maxProbes(),
                        s.parallelProbes(),
                        s.testFile(),
                        s.shard(),
                        s.argLine(),
                        s.runOrder(),
                        s.runnerMemoryBytes(),
                        s.exactRetained(),
                        true),
                full.environment(),
                full.totals());
        String text = json(stopping);
        assertThat(text).contains("\"stopOnGcOverhead\": true");

        assertThat(JsonReportReader.read(text).settings().stopOnGcOverhead()).isTrue();
        Report older = JsonReportReader.read(text.replaceAll(",\\s*\"stopOnGcOverhead\": true", ""));
        assertThat(older.settings().stopOnGcOverhead()).isFalse();
    }

    @Test
    void namesComeOutAsValidJsonThatKeepsEveryCharacter() throws IOException {
        String text = json(SampleReports.full());

        Map<String, Object> tree = Json.parseObject(text);
        assertThat(tree.get("project")).isEqualTo("com.example:shop «Ünïcode» \"quoted\"");
        assertThat(text)
                .contains("\"project\": \"com.example:shop «Ünïcode» \\\"quoted\\\"\"")
                .contains("\"method\": \"imports 10 000 rows | <script>alert(\\\"x\\\")</script>\"")
                .contains("\"com.example.shop.Inventory`Tick`Test\"")
                .contains("killed by memprobe's memory limit: RSS \\\"1.1 GiB\\\"\\nover 1 GiB");
    }

    @Test
    void unmeasuredValuesAreWrittenAsNull() throws IOException {
        Map<String, Object> tree = Json.parseObject(json(SampleReports.full()));

        Map<?, ?> died = (Map<?, ?>) ((List<?>) tree.get("classes")).get(2);
        assertThat(died.get("durationMs")).isNull();
        assertThat(died.containsKey("durationMs")).isTrue();
        assertThat(died.get("rssPeakBytes")).isEqualTo(1_181_116_006L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json     | it is not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number,"
                        + " Array, Object or token 'null', 'true' or 'false') at line 1, column 1",
                "{\"a\": 1,}  | it is not valid JSON: Unexpected character ('}' (code 125)): was expecting"
                        + " double-quote to start field name at line 1, column 9",
                "{\"a\": 1, \"a\": 2} | it is not valid JSON: Duplicate field 'a' at line 1, column 13",
                "{\"schemaVersion\": 1} {} | it is not valid JSON: Trailing token (of type START_OBJECT) found after"
                        + " value (bound as `java.lang.Object`): not allowed as per"
                        + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS` at line 1, column 22",
                "[1, 2]       | it is not a memprobe report: it holds a JSON array, not an object",
                "{}           | it has no schemaVersion: it is not a memprobe report",
                "{\"schemaVersion\": 2} | its schemaVersion is 2 but this memprobe reads version 1; make it again with"
                        + " this memprobe version",
                "{\"schemaVersion\": \"1\"} | its schemaVersion should be a whole number but is \"1\"",
                "{\"schemaVersion\": 1.5} | its schemaVersion is 1.5 but this memprobe reads version 1; make it again"
                        + " with this memprobe version",
            })
    void rejectsWhatIsNotAReportOfThisVersion(String text, String message) {
        assertThatThrownBy(() -> JsonReportReader.read(text))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void aBaselineNestedTwoHundredThousandDeepIsAOneLineErrorNotAStackOverflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);

        assertThatThrownBy(() -> JsonReportReader.read(deep))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage("it nests arrays or objects more than 64 levels deep (a memprobe report nests 4), so it"
                        + " is not a memprobe report");
        assertThatThrownBy(() -> JsonReportReader.read("{\"a\":".repeat(100) + "1" + "}".repeat(100)))
                .hasMessageStartingWith("it nests arrays or objects more than 64 levels deep");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "verdict                      | 5          | the field verdict should be a string but is 5",
                "verdict                      | null       | the field verdict is missing",
                "summary                      | {}         | the field summary should be a string but is {}",
                "culprits                     | \"none\"   | the field culprits should be a list but is \"none\"",
                "culprits[0]                  | 1          | the field culprits[0] should be an object but is 1",
                "culprits[0].classes          | \"a.B\"    | the field culprits[0].classes should be a list but is"
                        + " \"a.B\"",
                "culprits[0].classes          | [1]        | the field culprits[0].classes[0] should be a string but"
                        + " is 1",
                "culprits[0].reproduced       | \"2\"      | the field culprits[0].reproduced should be a whole number"
                        + " but is \"2\"",
                "culprits[0].probes           | [1, \"2\"] | the field culprits[0].probes[1] should be a whole number"
                        + " but is \"2\"",
                "culprits[1].exitCode         | \"137\"    | the field culprits[1].exitCode should be a whole number"
                        + " but is \"137\"",
                "culprits[1].retainedBytes    | {\"a\": \"x\"} | the field culprits[1].retainedBytes.a should be a whole"
                        + " number but is \"x\"",
                "culprits[1].retainedBytes    | []         | the field culprits[1].retainedBytes should be an object"
                        + " but is []",
                "classes[0].name              | null       | the field classes[0].name is missing",
                "culprits[2].kind             | null       | the field culprits[2].kind is missing",
                "findings[0].message          | null       | the field findings[0].message is missing",
                "classes[0].heapPeakBytes     | 1.5        | the field classes[0].heapPeakBytes should be a whole number"
                        + " but is 1.5",
                "classes[0].tests             | 3000000000 | the field classes[0].tests should be a whole number up to"
                        + " 2147483647 but is 3000000000",
                "probes[0].notes              | {}         | the field probes[0].notes should be a list but is {}",
                "settings                     | []         | the field settings should be an object but is []",
                "settings                     | null       | the field settings is missing",
                "settings.failFast            | \"yes\"    | the field settings.failFast should be true or false but"
                        + " is \"yes\"",
                "environment.cores            | true       | the field environment.cores should be a whole number but is"
                        + " true",
                "tool                         | \"memprobe\" | the field tool should be an object but is \"memprobe\"",
            })
    void rejectsFieldsOfTheWrongTypeNamingThem(String path, String value, String message) throws IOException {
        Map<String, Object> tree = Json.parseObject(json(SampleReports.full()));
        set(tree, path, Json.parse(value));

        assertThatThrownBy(() -> JsonReportReader.read(Json.write(tree)))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage(message);
    }

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        JsonReportWriter.write(report, out);
        return out.toString();
    }

    /** Sets the value at a path like {@code culprits[0].classes}; null removes the field. */
    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> tree, String path, Object value) {
        String[] steps = path.split("\\.");
        Object node = tree;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int bracket = step.indexOf('[');
            String key = bracket < 0 ? step : step.substring(0, bracket);
            Map<String, Object> object = (Map<String, Object>) node;
            boolean last = i == steps.length - 1;
            if (bracket < 0 && last) {
                if (value == null) {
                    object.remove(key);
                } else {
                    object.put(key, value);
                }
                return;
            }
            node = object.get(key);
            if (bracket >= 0) {
                int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
                if (last) {
                    ((List<Object>) node).set(index, value);
                    return;
                }
                node = ((List<Object>) node).get(index);
            }
        }
    }
}
