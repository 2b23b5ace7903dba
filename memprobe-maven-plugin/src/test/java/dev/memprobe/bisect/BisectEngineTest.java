package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.EvidenceText;
import dev.memprobe.report.PurposeText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verdicts of the default strategy on scripted suites, and the probes each costs. Heap 256 MiB, of which the JVM holds
 * 16 MiB; a plain class needs 8 MiB; confirmRuns 1.
 */
class BisectEngineTest {

    static SearchResult search(SimulatedSuite suite, BisectRequest request) {
        return new BisectEngine(suite, ProgressListener.NONE).run(request);
    }

    static SearchResult search(SimulatedSuite suite) {
        return search(suite, BisectRequest.of(suite.names()));
    }

    @Test
    void suiteThatFitsCostsOneProbeAndNamesNoCulprit() {
        SimulatedSuite suite = SimulatedSuite.builder().plain("T", 1, 20).build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_CULPRIT);
        assertThat(result.culprits()).isEmpty();
        assertThat(result.findings()).isEmpty();
        assertThat(result.order()).isEqualTo(suite.names());
        assertThat(suite.probes()).isEqualTo(1);
    }

    @Test
    void findsHogInTheMiddle() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 9)
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 10, 19)
                .build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.CULPRITS_FOUND);
        assertSingle(result, "Hog");
        // whole suite (the fork goes on past Hog's error: the heap is given back), Hog alone: it died the same way in
        // both, which is the confirmation
        assertThat(suite.probes()).isEqualTo(2);
        assertThat(result.probes().get(0).classes()).hasSize(20);
    }

    @Test
    void findsHogThatRunsFirst() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 1, 19)
                .build();

        assertSingle(search(suite), "Hog");
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void findsHogThatRunsLastWithoutAProbeForTheRest() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 19)
                .add(plain("Hog").needs(mib(300)))
                .build();

        assertSingle(search(suite), "Hog");
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void hogThatDiesAloneIsSingleEvenWhenPollutersRanBeforeIt() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 4)
                .add(plain("P").leaks(mib(150)))
                .plain("T", 5, 9)
                .add(plain("Hog").needs(mib(245)))
                .build();

        SearchResult result = search(suite);

        assertSingle(result, "Hog");
        assertThat(result.culprits().get(0).polluters()).isEmpty();
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void findsPolluterAndVictimInOneGuidedProbe() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("P").leaks(mib(150)))
                .plain("T", 6, 12)
                .add(plain("V").needs(mib(100)))
                .plain("T", 13, 20)
                .build();

        SearchResult result = search(suite);

        Culprit culprit = assertCumulative(result, "V", "P");
        assertThat(culprit.retained().get("P")).isGreaterThan(mib(100));
        assertThat(EvidenceText.of(culprit.evidence()))
                .anyMatch(line -> line.startsWith("P left behind: byte[] +150 MiB"));
        // whole suite (P's 150 MiB is less than three quarters of the heap: the fork goes on past V's error, and the 8
        // classes after V run there, with P's memory held, as in CI), V alone, [P, V] (its confirmation: the suite's
        // death was the first sighting)
        assertThat(suite.probes()).isEqualTo(3);
        assertThat(result.probes().get(0).probe().classes()).hasSize(22);
        assertThat(result.probes().get(1).probe().classes()).containsExactly("V");
    }

    @Test
    void findsTwoPollutersThatAreHarmlessAlone() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("P1").leaks(mib(80)))
                .plain("T", 6, 12)
                .add(plain("P2").leaks(mib(80)))
                .plain("T", 13, 20)
                .add(plain("V").needs(mib(120)))
                .build();
        assertThat(suite.dies(List.of("P1"), "V")).isFalse();
        assertThat(suite.dies(List.of("P2"), "V")).isFalse();

        SearchResult result = search(suite);

        assertCumulative(result, "V", "P1", "P2");
        // whole suite, V alone, [P1, P2, V], [P2, V], [P1, V] (the guess, the confirmation: the suite's death was the
        // first sighting)
        assertThat(suite.probes()).isEqualTo(5);
    }

    @Test
    void findsThreePollutersWithinTheStatedBound() {
        SimulatedSuite suite = BisectEngineTestSuites.threePolluters();

        SearchResult result = search(suite);

        Culprit culprit = assertCumulative(result, "V", "P1", "P2", "P3");
        // guesses: the top 2 [P1, P2] survive, the top 4 [P1, T12, P2, P3] reproduce; a guess that small is reduced
        // one class at a time: without P1 V survives, without T12 it dies, without P2 or P3 it survives (without P3
        // is [P1, P2], already answered). 5 search probes (halving first took 6), within
        // ceil(log2 33) + 1 + 2 * 3 * ceil(log2 4) = 19
        assertThat(culprit.probes()).hasSize(2 + 5 + 1);
        assertThat(suite.probes()).isEqualTo(8);
    }

    @Test
    void findsHogAndLeakInOneSuite() {
        SimulatedSuite suite = twoCulprits();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Culprit.Kind.SINGLE, "Hog", List.of()),
                        org.assertj.core.groups.Tuple.tuple(Culprit.Kind.CUMULATIVE, "V", List.of("P")));
        // suite (goes on past Hog, dies in V), Hog alone, V alone and then the 7 after it, [P, V] (the confirmation)
        assertThat(suite.probes()).isEqualTo(4);
    }

    @Test
    void hogAfterAnEarlierVictimIsStillFoundInTheForkThatRunsTheRest() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 4)
                .add(plain("P").leaks(mib(200))) // more than three quarters of the heap: V's death ends the fork
                .plain("T", 5, 8)
                .add(plain("V").needs(mib(100)))
                .plain("T", 9, 12)
                .add(plain("Hog").needs(mib(250)))
                .plain("T", 13, 16)
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Culprit.Kind.CUMULATIVE, "V"),
                        org.assertj.core.groups.Tuple.tuple(Culprit.Kind.SINGLE, "Hog"));
        // suite, V alone and then the 9 after it (going on past Hog's error), [P, V] (the confirmation), Hog alone
        assertThat(suite.probes()).isEqualTo(4);
    }

    @Test
    void victimAfterAHogDiesOfThePolluterBeforeTheHogAsItWouldWithoutTheHog() {
        // P keeps 90 MiB; Hog dies of the heap after it, but the heap is less than half full once Hog's data is let go,
        // so the fork goes on and V dies of P's memory: the same as in a suite without Hog
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 4)
                .add(plain("P").leaks(mib(90)))
                .plain("T", 5, 8)
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 9, 12)
                .add(plain("V").needs(mib(160)))
                .plain("T", 13, 16)
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Culprit.Kind.SINGLE, "Hog", List.of()),
                        org.assertj.core.groups.Tuple.tuple(Culprit.Kind.CUMULATIVE, "V", List.of("P")));
        assertThat(result.culprits().get(1).probes()).startsWith(1);
    }

    @Test
    void failFastStopsAtTheFirstCulprit() {
        SimulatedSuite suite = twoCulprits();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withFailFast(true));

        assertThat(result.culprits()).extracting(Culprit::victim).containsExactly("Hog");
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void systemExitIsASingleCulpritOfItsOwnCause() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("Exits").exits())
                .build();

        SearchResult result = search(suite);

        Culprit culprit = assertSingle(result, "Exits");
        assertThat(culprit.cause()).isEqualTo(Cause.EXIT);
        assertThat(culprit.exitCode()).isEqualTo(1);
        assertThat(suite.probes()).isEqualTo(2);
    }

    @Test
    void classThatKillsTheForkAloneLeavesTheClassesAfterItToAForkOfTheirOwn() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("Exits").exits())
                .plain("U", 1, 3)
                .build();

        SearchResult result = search(suite);

        assertSingle(result, "Exits");
        assertThat(result.probes())
                .extracting(r -> PurposeText.of(r.probe().purpose()))
                .containsExactly(
                        "the whole suite, 7 classes in Surefire's run order",
                        "does Exits die alone? then the 3 classes not yet run, after 3 that ran before Exits",
                        "3 classes not yet run after Exits, after 3 that ran before it");
        // the classes after it run after those CI runs before it, as they would with Exits fixed
        assertThat(result.probes().get(2).probe().classes()).containsExactly("T01", "T02", "T03", "U01", "U02", "U03");
        assertThat(result.probes().get(2).failure()).isEmpty();
    }

    @Test
    void memoryErrorThatOnlyFailsATestIsFoundLikeADeath() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .oomAsTestError()
                .plain("T", 1, 5)
                .add(plain("P").leaks(mib(150)))
                .plain("T", 6, 9)
                .add(plain("V").needs(mib(100)))
                .build();

        assertCumulative(search(suite), "V", "P");
        assertThat(suite.probes()).isEqualTo(3);
    }

    @Test
    void findsPolluterRightBeforeTheVictimWithNoCollectionBetween() {
        // a large heap and young generation: P allocates too little for a collection of its own
        SimulatedSuite suite = SimulatedSuite.builder()
                .heapMax(mib(1024))
                .young(mib(200))
                .plain("T", 1, 12)
                .add(plain("P").needs(mib(2)).leaks(mib(150)).allocates(mib(160)))
                .add(plain("V").needs(mib(900)))
                .build();

        assertCumulative(search(suite), "V", "P");
        assertThat(suite.probes()).isEqualTo(3);
    }

    @Test
    void findsPolluterWhenTheVictimsMeasurementsWereLost() {
        // no deficit is known and the window before V scores nothing, but P's own collections show its leak
        SimulatedSuite suite = SimulatedSuite.builder()
                .losesDeathMeasure()
                .plain("T", 1, 5)
                .add(plain("P").leaks(mib(150)))
                .plain("T", 6, 12)
                .add(plain("V").needs(mib(100)))
                .build();

        assertCumulative(search(suite), "V", "P");
        // whole suite, V alone, [P, V] (the top-ranked class first) (the confirmation: the suite's death was the first
        // sighting)
        assertThat(suite.probes()).isEqualTo(3);
    }

    private static SimulatedSuite twoCulprits() {
        return SimulatedSuite.builder()
                .plain("T", 1, 4)
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 5, 10)
                .add(plain("P").leaks(mib(150)))
                .plain("T", 11, 15)
                .add(plain("V").needs(mib(100)))
                .plain("T", 16, 22)
                .build();
    }

    static Culprit assertSingle(SearchResult result, String hog) {
        assertThat(result.culprits()).hasSize(1);
        Culprit culprit = result.culprits().get(0);
        assertThat(culprit.kind()).isEqualTo(Culprit.Kind.SINGLE);
        assertThat(culprit.victim()).isEqualTo(hog);
        assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(2);
        return culprit;
    }

    static Culprit assertCumulative(SearchResult result, String victim, String... polluters) {
        assertThat(result.verdict()).isEqualTo(Verdict.CULPRITS_FOUND);
        assertThat(result.culprits()).hasSize(1);
        Culprit culprit = result.culprits().get(0);
        assertThat(culprit.kind()).isEqualTo(Culprit.Kind.CUMULATIVE);
        assertThat(culprit.victim()).isEqualTo(victim);
        assertThat(culprit.polluters()).containsExactly(polluters);
        assertThat(culprit.classes()).endsWith(victim);
        assertThat(culprit.reproduced()).isEqualTo(culprit.attempts()).isEqualTo(2);
        return culprit;
    }
}
