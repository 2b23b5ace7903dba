package dev.memprobe.bisect;

import static dev.memprobe.bisect.BisectEngineTest.search;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.EvidenceText;
import org.junit.jupiter.api.Test;

/** Verdicts that do not repeat are reported as intermittent, never dropped. */
class ConfirmationTest {

    @Test
    void victimThatDoesNotDieAgainIsIntermittent() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("V").diesOnRuns(1))
                .plain("T", 6, 12)
                .build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.CULPRITS_FOUND);
        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.kind()).isEqualTo(Culprit.Kind.INTERMITTENT);
            assertThat(culprit.victim()).isEqualTo("V");
            assertThat(culprit.polluters()).isEmpty();
            assertThat(culprit.reproduced()).isLessThan(culprit.attempts());
            assertThat(EvidenceText.of(culprit.evidence()))
                    .anyMatch(line -> line.contains("nor after the same 5 classes run again"));
        });
        // suite (goes on past V's error); V alone; the 5 classes before it and V again (no class kept anything: no
        // guesses)
        assertThat(suite.probes()).isEqualTo(3);
    }

    @Test
    void hogThatDiesAloneAsItDiedInTheSuiteNeedsNoFurtherRun() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 6, 9)
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.kind()).isEqualTo(Culprit.Kind.SINGLE);
            assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(2);
            assertThat(culprit.probes()).containsExactly(1, 2);
        });
        // the suite's death was the first sighting, the run alone the confirming one
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void hogWhoseConfirmationSurvivesIsDemotedToIntermittent() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("Hog").diesOnRuns(1, 2))
                .plain("T", 6, 9)
                .build();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withConfirmRuns(2));

        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.kind()).isEqualTo(Culprit.Kind.INTERMITTENT);
            assertThat(culprit.victim()).isEqualTo("Hog");
            assertThat(culprit.reproduced()).isEqualTo(2);
            assertThat(culprit.attempts()).isEqualTo(3);
            assertThat(EvidenceText.of(culprit.evidence())).contains("reproduced in 2 of 3 runs: intermittent");
        });
        // suite (goes on past Hog's error), Hog alone, one confirmation more (confirmRuns 2 counts the suite's death)
        assertThat(suite.probes()).isEqualTo(3);
    }

    @Test
    void everyConfirmationRunIsCounted() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("P").leaks(mib(150)))
                .add(plain("V").needs(mib(100)))
                .build();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withConfirmRuns(3));

        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.kind()).isEqualTo(Culprit.Kind.CUMULATIVE);
            assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(4);
            assertThat(culprit.probes()).hasSize(1 + 1 + 1 + 3);
        });
        assertThat(suite.probes()).isEqualTo(6);
    }

    @Test
    void flakyClassIsNeverDroppedWhateverTheSeed() {
        int failingSuites = 0;
        for (long seed = 1; seed <= 40; seed++) {
            SimulatedSuite suite = SimulatedSuite.builder()
                    .seed(seed)
                    .plain("T", 1, 6)
                    .add(plain("Flaky").flaky(0.3))
                    .plain("T", 7, 12)
                    .build();

            SearchResult result = search(suite);

            if (result.probes().get(0).failure().isEmpty()) {
                assertThat(result.verdict()).as("seed %d", seed).isEqualTo(Verdict.NO_CULPRIT);
                continue;
            }
            failingSuites++;
            assertThat(result.culprits())
                    .as("seed %d", seed)
                    .extracting(Culprit::victim)
                    .containsExactly("Flaky");
            Culprit culprit = result.culprits().get(0);
            if (culprit.kind() != Culprit.Kind.INTERMITTENT) {
                assertThat(culprit.reproduced()).as("seed %d", seed).isEqualTo(culprit.attempts());
            }
        }
        assertThat(failingSuites).isBetween(5, 25);
    }

    @Test
    void whatAPolluterKeptOutsideTheHeapIsNotReplacedByWhatTheConfirmationsCollectionsMeasureOfTheHeap() {
        // forced collections at every class end: the confirmation run measures each class's heap exactly
        SimulatedSuite suite = SimulatedSuite.builder()
                .exact()
                .limit(Resource.METASPACE, mib(160))
                .plain("T", 1, 5)
                .add(plain("Plugins").leaksOffHeap(Resource.METASPACE, mib(60)).leaks(mib(2)))
                .add(plain("Scripts").needsOffHeap(Resource.METASPACE, mib(80)))
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.cause()).isEqualTo(Cause.METASPACE_OOM);
            assertThat(culprit.polluters()).containsExactly("Plugins");
            assertThat(culprit.retained().get("Plugins")).isEqualTo(mib(60));
            assertThat(EvidenceText.of(culprit.evidence())).noneMatch(line -> line.startsWith("measured exactly"));
        });
    }
}
