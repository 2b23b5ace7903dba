package dev.memprobe.bisect;

import static dev.memprobe.bisect.BisectEngineTest.assertSingle;
import static dev.memprobe.bisect.BisectEngineTest.search;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.EvidenceText;
import dev.memprobe.report.FindingText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conclusions that name no culprit: the engine must say what it saw without inventing one. */
class FindingsTest {

    @Test
    void memoryThatAddsUpAcrossManyClassesIsAFindingWithTheRankingNotACulprit() {
        // 40 classes keep 5 MiB each; V needs 60 MiB: it dies after any 37 of them, never after 8
        SimulatedSuite.Builder builder = SimulatedSuite.builder();
        for (int i = 1; i <= 40; i++) {
            builder.add(plain(String.format("L%02d", i)).leaks(mib(5)));
        }
        SimulatedSuite suite = builder.add(plain("V").needs(mib(60))).build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.culprits()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Finding.Kind.NO_SMALL_SET);
            assertThat(FindingText.of(finding)).contains("V dies", "at least 9 earlier classes", "no set of at most 8");
            assertThat(finding.classes())
                    .hasSize(10)
                    .isEqualTo(result.ranking().stream()
                            .limit(10)
                            .map(Growth.Score::className)
                            .toList());
        });
        assertThat(result.ranking())
                .hasSize(40)
                .allSatisfy(score -> assertThat(score.className()).startsWith("L"));
        // suite, V alone, the top 19 classes (V survives), the top 38 (V dies), 9 chunks of those each needed
        assertThat(suite.probes()).isEqualTo(1 + 1 + 2 + 9);
    }

    @Test
    void budgetSpentWhileSearchingNamesTheSuspectsOnce() {
        SimulatedSuite suite = BisectEngineTestSuites.threePolluters();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withMaxProbes(5));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.culprits()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Finding.Kind.BUDGET);
            assertThat(FindingText.of(finding)).contains("memprobe.maxProbes (5)", "what kills V");
            assertThat(finding.classes()).contains("P1", "P2", "P3").doesNotContain("V");
        });
        assertThat(suite.probes()).isEqualTo(5);
    }

    @Test
    void budgetSpentBeforeConfirmationKeepsTheVerdictAndSaysItIsUnconfirmed() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 6, 9)
                .build();

        SearchResult result =
                search(suite, BisectRequest.of(suite.names()).withConfirmRuns(2).withMaxProbes(2));

        assertThat(result.verdict()).isEqualTo(Verdict.CULPRITS_FOUND);
        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.kind()).isEqualTo(Culprit.Kind.SINGLE);
            // in the suite and alone; the third sighting confirmRuns 2 asks for never ran
            assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(2);
            assertThat(EvidenceText.of(culprit.evidence())).contains("not confirmed: memprobe.maxProbes ran out");
        });
        assertThat(result.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.BUDGET);
        assertThat(FindingText.of(result.findings().get(0))).contains("before Hog's verdict could be confirmed");
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void forkThatDiesBetweenClassesIsAFindingAfterOneProbe() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("Reaper").killsForkAfterwards(Cause.KILLED))
                .plain("T", 4, 9)
                .build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.culprits()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Finding.Kind.OUTSIDE_CLASS);
            assertThat(FindingText.of(finding)).contains("no test class was running", "probe-1");
        });
        assertThat(suite.probes()).isEqualTo(1);
    }

    @Test
    void forkTimeoutInAClassThatFinishesAloneIsASlowSuite() {
        // 20 classes of 400 ms under a 5 s fork timeout: the 13th runs out of time
        SimulatedSuite.Builder builder = SimulatedSuite.builder().forkTimeoutMs(5000);
        for (int i = 1; i <= 20; i++) {
            builder.add(plain(String.format("T%02d", i)).takes(400));
        }
        SimulatedSuite suite = builder.build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.culprits()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Finding.Kind.SLOW_SUITE);
            assertThat(finding.classes()).containsExactly("T13");
            assertThat(FindingText.of(finding)).contains("finishes alone in 1.9 s", "memprobe.forkTimeout");
        });
        // suite, T13 alone, the 7 classes after it (2.8 s: they fit)
        assertThat(suite.probes()).isEqualTo(3);
    }

    @Test
    void classThatRunsPastTheTimeoutAloneIsASingleCulpritOfTimeout() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .forkTimeoutMs(5000)
                .plain("T", 1, 3)
                .add(plain("Hangs").takes(60_000))
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Culprit.Kind.SINGLE, "Hangs", Cause.TIMEOUT));
        assertThat(result.findings()).isEmpty();
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void budgetSpentBeforeTheRestOfTheSuiteRanAgainNamesTheClassesNotSearched() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .limit(Resource.METASPACE, mib(160))
                .plain("T", 1, 3)
                .add(plain("Loader").needsOffHeap(Resource.METASPACE, mib(200)))
                .plain("U", 1, 4)
                .build();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withMaxProbes(2));

        // the verdict stands: Loader died alone as it died in the suite
        assertSingle(result, "Loader");
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding).isInstanceOf(Finding.RestNotRun.class);
            assertThat(finding.kind()).isEqualTo(Finding.Kind.BUDGET);
            assertThat(finding.classes()).containsExactly("U01", "U02", "U03", "U04");
            assertThat(FindingText.of(finding))
                    .startsWith("memprobe.maxProbes (2) ran out before the 4 classes after Loader could run")
                    .contains("whether they fail there was not searched");
        });
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void carriedClassThatDiesIsDroppedWithAFindingAndTheRestRunsAgainWithoutIt() {
        // Flaky passes in the suite and dies on its second run, where the fork for the rest after Loader carries it;
        // Cache keeps more than three quarters of the heap, so that death takes the fork with it
        SimulatedSuite suite = SimulatedSuite.builder()
                .limit(Resource.METASPACE, mib(160))
                .plain("T", 1, 2)
                .add(plain("Cache").leaks(mib(200)))
                .add(plain("Flaky").diesOnRuns(2))
                .add(plain("Loader").needsOffHeap(Resource.METASPACE, mib(200)))
                .plain("U", 1, 3)
                .build();

        SearchResult result = search(suite);

        assertSingle(result, "Loader");
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding).isInstanceOf(Finding.DiedWhenCarried.class);
            assertThat(finding.classes()).containsExactly("Flaky");
            assertThat(FindingText.of(finding))
                    .contains("in probe 3, where it ran only to carry", "it had passed where CI runs it");
        });
        // suite; Loader alone (it takes the fork with it); the rest after the 4 before Loader (Flaky dies); the rest
        // again without Flaky
        assertThat(suite.probes()).isEqualTo(4);
        assertThat(result.probes().get(3).probe().classes())
                .containsExactly("T01", "T02", "Cache", "U01", "U02", "U03");
    }

    @Test
    void victimThatOtherPollutersKillAsWellDiesWhereItIsCarriedAndSaysSo() {
        // four classes keep 50 MiB each; Export needs the room of any two: a second pair kills it once the first is
        // fixed, and the fork for the rest that carries Export says so instead of searching a second set
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 2)
                .add(plain("P1").leaks(mib(50)), plain("P2").leaks(mib(50)))
                .add(plain("P3").leaks(mib(50)), plain("P4").leaks(mib(50)))
                .add(plain("Export").needs(mib(160)))
                .plain("U", 1, 3)
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits()).singleElement().satisfies(culprit -> {
            assertThat(culprit.victim()).isEqualTo("Export");
            assertThat(culprit.polluters()).hasSize(2);
        });
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding).isInstanceOf(Finding.DiedWhenCarried.class);
            assertThat(finding.classes()).containsExactly("Export");
            assertThat(FindingText.of(finding)).contains("the memory of other classes before it adds up to kill it");
        });
    }

    @Test
    void noFindingIsInventedForASuiteThatFits() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 30)
                .add(plain("P").leaks(mib(100)))
                .build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_CULPRIT);
        assertThat(result.findings()).isEmpty();
        assertThat(result.ranking()).isEmpty();
        assertThat(suite.dies(List.of(), "P")).isFalse();
    }
}
