package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownReportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "com.acme.ImportTest        | `com.acme.ImportTest`",
                "com.acme.Inventory`Tick`   | `` com.acme.Inventory`Tick` ``",
                "a``b                       | ``` a``b ```",
                "`leading                   | `` `leading ``",
                "a <script>x</script> & *b* | `a <script>x</script> & *b*`",
                "two\\nlines                | `two lines`",
            })
    void codeSpansCannotBeBrokenOutOf(String value, String markdown) {
        assertThat(MarkdownReport.code(value.replace("\\n", "\n"))).isEqualTo(markdown);
    }

    @Test
    void aPipeIsEscapedInATableCellAndLeftAloneElsewhere() {
        assertThat(MarkdownReport.cell("com.acme.Money|Test")).isEqualTo("`com.acme.Money\\|Test`");
        assertThat(MarkdownReport.code("com.acme.Money|Test")).isEqualTo("`com.acme.Money|Test`");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain text, «Ünïcode» and \"quotes\" | plain text, «Ünïcode» and \"quotes\"",
                "<script>alert(1)</script>           | &lt;script&gt;alert(1)&lt;/script&gt;",
                "a & b                               | a &amp; b",
                "*bold* _it_ [link](x) `code`        | \\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`",
                "# not a heading ~~struck~~          | \\# not a heading \\~\\~struck\\~\\~",
                "a\\b                                | a\\\\b",
            })
    void textEscapesMarkdownAndHtml(String value, String markdown) {
        assertThat(MarkdownReport.text(value)).isEqualTo(markdown);
        assertThat(MarkdownReport.text(value + "\r\n| next")).isEqualTo(markdown + "  \\| next");
    }

    @Test
    void tablesKeepTheirColumnsWhateverTheNames() throws IOException {
        StringWriter out = new StringWriter();
        MarkdownReport.write(SampleReports.full(), out);

        String md = out.toString();
        for (String line : md.split("\n")) {
            if (line.startsWith("| ")) {
                String unescaped = line.replace("\\|", "");
                long cells = unescaped.chars().filter(c -> c == '|').count() - 1;
                assertThat(cells).as(line).isIn(2L, 4L, 5L, 8L);
            }
        }
        assertThat(md).contains("| `com.example.shop.Money\\|Test` |");
    }
}
