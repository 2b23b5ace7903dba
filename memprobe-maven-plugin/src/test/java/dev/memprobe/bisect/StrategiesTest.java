package dev.memprobe.bisect;

import static dev.memprobe.bisect.BisectEngineTest.search;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed toolkit's strategies against the default one, on the same suites. */
class StrategiesTest {

    private static SimulatedSuite twoHogs() {
        return SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("HogA").needs(mib(300)))
                .plain("T", 4, 9)
                .add(plain("HogB").needs(mib(260)))
                .plain("T", 10, 13)
                .build();
    }

    @Test
    void batchesAndIsolatedFindTheSameHogsAsBisectAtAHigherCost() {
        SimulatedSuite bisectSuite = twoHogs();
        SimulatedSuite batchesSuite = twoHogs();
        SimulatedSuite isolatedSuite = twoHogs();
        BisectRequest request = BisectRequest.of(bisectSuite.names());

        SearchResult bisect = search(bisectSuite, request);
        SearchResult batches = search(batchesSuite, request.withStrategy(Strategy.BATCHES));
        SearchResult isolated = search(isolatedSuite, request.withStrategy(Strategy.ISOLATED));

        for (SearchResult result : List.of(bisect, batches, isolated)) {
            assertThat(result.culprits())
                    .extracting(Culprit::kind, Culprit::victim, Culprit::reproduced, Culprit::attempts)
                    .containsExactly(
                            tuple(Culprit.Kind.SINGLE, "HogA", 2, 2), tuple(Culprit.Kind.SINGLE, "HogB", 2, 2));
        }
        // suite (going on past both errors), then each hog alone: dying as in the suite is its confirmation
        assertThat(bisectSuite.probes()).isEqualTo(3);
        // 5 batches of 3; the 2 failing ones each run 3 classes alone (the hog dying as in its batch)
        assertThat(batchesSuite.probes()).isEqualTo(5 + 2 * 3);
        // 15 classes alone, 2 confirmations (a class run alone at first has been seen to die once)
        assertThat(isolatedSuite.probes()).isEqualTo(15 + 2);
        assertThat(bisectSuite.forkMillis()).isLessThan(batchesSuite.forkMillis());
        assertThat(batchesSuite.forkMillis()).isLessThan(isolatedSuite.forkMillis());
    }

    @Test
    void batchesRunsEveryClassOfAFailingBatchAloneEvenThoseTheForkNeverReached() {
        // batch [P, V, Hog]: the fork dies in V, so Hog never runs in it
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(
                        plain("P").leaks(mib(150)),
                        plain("V").needs(mib(100)),
                        plain("Hog").needs(mib(300)))
                .build();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withStrategy(Strategy.BATCHES));

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.CUMULATIVE, "V", List.of("P")),
                        tuple(Culprit.Kind.SINGLE, "Hog", List.of()));
        // 2 batches; P, V alone; [P, V]; confirm; Hog alone; confirm
        assertThat(suite.probes()).isEqualTo(2 + 2 + 1 + 1 + 1 + 1);
    }

    @Test
    void victimOfABatchIsInvestigatedEvenWhenAnotherMemberDiesAlone() {
        // X survives in the batch and dies on its next run, alone; V is still a victim of P
        SimulatedSuite suite = SimulatedSuite.builder()
                .add(
                        plain("P").leaks(mib(150)),
                        plain("X").diesOnRuns(2),
                        plain("V").needs(mib(100)))
                .build();

        SearchResult result = search(suite, BisectRequest.of(suite.names()).withStrategy(Strategy.BATCHES));

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.INTERMITTENT, "X", List.of()),
                        tuple(Culprit.Kind.CUMULATIVE, "V", List.of("P")));
    }

    @Test
    void failFastStopsBatchesAtTheFirstCulprit() {
        SimulatedSuite suite = twoHogs();

        SearchResult result = search(
                suite,
                BisectRequest.of(suite.names()).withStrategy(Strategy.BATCHES).withFailFast(true));

        assertThat(result.culprits()).extracting(Culprit::victim).containsExactly("HogA");
        // batch 1, batch 2 (dies in HogA, its first class), HogA alone; no other class of batch 2 alone
        assertThat(suite.probes()).isEqualTo(3);
    }
}
