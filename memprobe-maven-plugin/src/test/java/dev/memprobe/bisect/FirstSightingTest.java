package dev.memprobe.bisect;

import static dev.memprobe.bisect.BisectEngineTest.assertCumulative;
import static dev.memprobe.bisect.BisectEngineTest.search;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.EvidenceText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The death in the fork that found a cumulative verdict is its first sighting, as the suite's death is a hog's: the
 * polluter trial that reproduces it is the confirmation when it took a confirmation's evidence.
 */
class FirstSightingTest {

    @Test
    void aPolluterAndItsVictimAreFoundAndConfirmedInThreeProbes() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("P").leaks(mib(150)))
                .plain("T", 6, 12)
                .add(plain("V").needs(mib(100)))
                .build();

        SearchResult result = search(suite);

        Culprit culprit = assertCumulative(result, "V", "P");
        assertThat(suite.probes()).isEqualTo(3);
        assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(2);
        assertThat(culprit.probes()).containsExactly(1, 2, 3);
        Probe trial = result.probes().get(2).probe();
        assertThat(trial.purpose()).isInstanceOf(Purpose.Pollutes.class);
        // what a confirmation run takes: the histograms around the polluter and the victim, the polluter's dump
        assertThat(trial.histogramClasses()).isEqualTo(Set.of("P", "V"));
        assertThat(trial.dumps().atEnd()).containsExactly("P");
        assertThat(EvidenceText.of(culprit.evidence())).anyMatch(line -> line.startsWith("P left behind: byte[]"));
    }

    @Test
    void moreConfirmationRunsStillCountTheFirstSighting() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("P").leaks(mib(150)))
                .add(plain("V").needs(mib(100)))
                .build();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withConfirmRuns(2));

        assertThat(result.culprits()).hasSize(1);
        Culprit culprit = result.culprits().get(0);
        assertThat(culprit.polluters()).containsExactly("P");
        // the suite, V alone, [P, V] (seen twice now), one confirmation more
        assertThat(suite.probes()).isEqualTo(4);
        assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(3);
        assertThat(result.probes().get(3).probe().purpose()).isEqualTo(new Purpose.Confirm("V", 1, 1));
    }

    @Test
    void aSetTheSearchCutDownFromItsFirstGuessIsConfirmedByAProbeOfItsOwn() {
        // two of the three leaks are enough to kill V, so a guess of all three is cut down to two
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("P1").leaks(mib(60)))
                .add(plain("P2").leaks(mib(60)))
                .add(plain("P3").leaks(mib(60)))
                .add(plain("V").needs(mib(150)))
                .build();
        assertThat(suite.dies(List.of("P2", "P3"), "V")).isTrue();
        assertThat(suite.dies(List.of("P3"), "V")).isFalse();

        SearchResult result = search(suite);

        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.kind()).isEqualTo(Culprit.Kind.CUMULATIVE);
            assertThat(culprit.polluters()).hasSize(2);
            assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(2);
        });
        Probe last = result.probes().get(result.probes().size() - 1).probe();
        assertThat(last.purpose()).isInstanceOf(Purpose.Confirm.class);
        assertThat(last.dumps().atEnd()).hasSize(2);
    }
}
