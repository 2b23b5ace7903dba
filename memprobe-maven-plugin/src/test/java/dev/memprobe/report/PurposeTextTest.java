package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Purpose;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each probe asks, in the words of the console's progress line and of {@code report.json}. */
class PurposeTextTest {

    /** One sample of each question, and its words. */
    private static Map<Purpose, String> samples() {
        Map<Purpose, String> samples = new LinkedHashMap<>();
        samples.put(new Purpose.WholeSuite(20), "the whole suite, 20 classes in Surefire's run order");
        samples.put(new Purpose.NotYetRun(1), "1 class not yet run");
        samples.put(new Purpose.Alone("com.acme.HogTest"), "does HogTest die alone?");
        samples.put(
                new Purpose.AloneThenRest("com.acme.Exits", 3), "does Exits die alone? then the 3 classes not yet run");
        samples.put(
                new Purpose.AloneThenCarriedRest("com.acme.Exits", 4, 3),
                "does Exits die alone? then the 3 classes not yet run, after 4 that ran before Exits");
        samples.put(
                new Purpose.CarriedRest("com.acme.Exits", 4, 3),
                "3 classes not yet run after Exits, after 4 that ran before it");
        samples.put(
                new Purpose.Again("com.acme.ExportTest", 12, 5),
                "ExportTest and the 5 classes after it again, after 12 that ran before it, without the culprits found");
        samples.put(new Purpose.Batch(2, 5), "batch 2/5");
        samples.put(new Purpose.Isolated(7, 15), "alone 7/15");
        samples.put(new Purpose.Confirm("com.acme.V", 1, 2), "confirm V (1/2)");
        samples.put(new Purpose.Pollutes(List.of("com.acme.P"), "com.acme.V"), "does P pollute V?");
        samples.put(
                new Purpose.Recorded("surefire:test (default-test)", "2", 4),
                "recorded: fork 2 of surefire:test (default-test), 4 classes");
        return samples;
    }

    @Test
    void wordsEveryQuestion() {
        Map<Purpose, String> samples = samples();

        Wording.wordsEveryRecord(Purpose.class, samples, PurposeText::of);
    }

    @Test
    void countsClassesInTheirNumber() {
        assertThat(PurposeText.of(new Purpose.WholeSuite(1)))
                .isEqualTo("the whole suite, 1 class in Surefire's run order");
        assertThat(PurposeText.of(new Purpose.NotYetRun(9))).isEqualTo("9 classes not yet run");
        assertThat(PurposeText.of(new Purpose.Pollutes(List.of("a.P1", "a.P2", "a.P3"), "a.V")))
                .isEqualTo("do 3 classes pollute V?");
    }
}
