package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadlineTest {

    @ParameterizedTest(name = "{0}, {1} culprits")
    @CsvSource(
            delimiter = '|',
            value = {
                "culprits-found | 1 | 1 culprit    | 1 culprit kills the test JVM",
                "culprits-found | 3 | 3 culprits   | 3 culprits kill the test JVM",
                "no-culprit     | 0 | no culprit   | No culprit: every class ran within the limits",
                "inconclusive   | 0 | inconclusive | Inconclusive",
            })
    void saysTheVerdictInAFewWordsAndAsASentence(String verdict, int culprits, String text, String banner) {
        SampleReport report = SampleReport.report();
        for (int i = 0; i < culprits; i++) {
            report.culprit(SampleReport.single("com.acme.Hog" + i + "Test", "heap-oom", List.of(1)));
        }

        Headline headline = Headline.of(report.verdict(verdict).build());

        assertThat(headline).isEqualTo(new Headline(text, banner));
    }
}
