package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            plain text as it is        | 'plain text as it is'   | 'plain text as it is'
            line feed                  | 'a\\nb'                  | 'a\\\\nb'
            carriage return            | 'a\\rb'                  | 'a\\\\rb'
            terminal escape            | 'a\\u001b[31mred'        | 'a\\\\u001b[31mred'
            tab kept                   | 'a\\tb'                  | 'a\\tb'
            next line (C1)             | 'a\\u0085b'              | 'a\\\\u0085b'
            line separator             | 'a\\u2028b'              | 'a\\\\u2028b'
            non-ASCII and markup kept  | 'Über <script> `x` | y'  | 'Über <script> `x` | y'
            """)
    void writesControlCharactersAsJavaEscapes(String what, String input, String expected) {
        assertThat(ConsoleLine.of(unescape(input))).as(what).isEqualTo(unescape(expected));
    }

    @Test
    void keepsNull() {
        assertThat(ConsoleLine.of(null)).isNull();
    }

    @Test
    void aTestNameWithALineBreakCannotStartALineOfItsOwnInTheSummary() {
        Report full = SampleReports.full();
        Report.CulpritEntry first = full.culprits().get(0);
        String injected = "imports\n::error title=injected::by a test name";
        Report.CulpritEntry hostile = new Report.CulpritEntry(
                first.kind(),
                first.classes(),
                first.victim(),
                first.polluters(),
                first.retainedBytes(),
                first.cause(),
                first.memory(),
                first.exitCode(),
                injected,
                List.of("heap OutOfMemoryError in CatalogImportTest#" + injected),
                first.reproduced(),
                first.attempts(),
                first.probes(),
                first.advice());
        Report report = new Report(
                full.schemaVersion(),
                full.toolVersion(),
                full.generatedAt(),
                full.project(),
                full.verdict(),
                full.summary(),
                List.of(hostile),
                List.of(),
                full.classes(),
                full.probes(),
                full.ranking(),
                full.settings(),
                full.environment(),
                full.totals());

        List<String> lines = ConsoleSummary.lines(report, "target/memprobe");

        assertThat(lines).noneMatch(line -> line.contains("\n") || line.contains("\r"));
        assertThat(lines)
                .contains(
                        "  culprit: com.example.shop.CatalogImportTest#imports\\n::error title=injected::by a test"
                                + " name: heap OutOfMemoryError even when it runs alone (a memory hog)",
                        "      why: heap OutOfMemoryError in CatalogImportTest#imports\\n::error title=injected::by a"
                                + " test name");
    }

    /** {@code \n}, {@code \r}, {@code \t}, {@code \\} and {@code \}{@code uXXXX} as in Java source. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '\\') {
                out.append(ch);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
