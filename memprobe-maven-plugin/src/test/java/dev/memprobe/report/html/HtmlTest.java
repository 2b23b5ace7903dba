package dev.memprobe.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain.ClassName                      | plain.ClassName
            <script>alert(1)</script>            | &lt;script&gt;alert(1)&lt;/script&gt;
            a & b                                | a &amp; b
            &amp;                                | &amp;amp;
            `say "hi"`                           | say &quot;hi&quot;
            it's                                 | it&#39;s
            `x" onmouseover="y`                  | x&quot; onmouseover=&quot;y
            Größe 测试 ünïcödé                    | Größe 测试 ünïcödé
            `with spaces  and\ttabs`             | `with spaces  and\ttabs`
            """)
    void escapesMarkupAndQuotesAndKeepsEverythingElse(String raw, String escaped) {
        assertThat(Html.escape(raw.replace("\\t", "\t"))).isEqualTo(escaped.replace("\\t", "\t"));
    }

    @ParameterizedTest
    @CsvSource({"0, 65533", "8, 65533", "27, 65533", "127, 65533", "9, 9", "10, 10", "13, 13", "128, 128"})
    void replacesControlCharactersHtmlDoesNotAllow(int code, int expected) {
        assertThat(Html.escape("a" + (char) code + "b")).isEqualTo("a" + (char) expected + "b");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "died, died",
                "memory-error, memory-error",
                "NULL, other",
                "Died, other",
                "a\"b, other",
                "'x onclick=y', other"
            })
    void turnsOnlyVocabularyWordsIntoCssClasses(String value, String css) {
        assertThat(Html.token(value)).isEqualTo(css);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "12, 12", "12.04, 12", "12.06, 12.1", "587.777, 587.8", "-3.5, -3.5", "1e7, 10000000"})
    void writesCoordinatesWithAtMostOneDecimal(double value, String text) {
        assertThat(Html.num(value)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 classes", "1, 1 class", "2000, '2,000 classes'"})
    void countsWithThousandsSeparators(long n, String text) {
        assertThat(Html.plural(n, "class", "classes")).isEqualTo(text);
    }

    @Test
    void escapesNullToNothing() {
        assertThat(Html.escape(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "com.acme.CatalogImportTest | com.<wbr>acme.<wbr>Catalog<wbr>Import<wbr>Test",
                "Outer$Inner                | Outer$<wbr>Inner",
                "imports_all_rows           | imports_<wbr>all_<wbr>rows",
                "HTTPServerTest             | HTTPServer<wbr>Test",
                "a<b>                       | a&lt;b&gt;",
                "x='y'                      | x=&#39;<wbr>y&#39;",
            })
    void wrapsNamesOnlyBetweenTheirWords(String name, String html) {
        assertThat(Html.wrappable(name)).isEqualTo(html);
    }
}
