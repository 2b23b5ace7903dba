package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The measurements pay for themselves: on the same 100 seeded leak scenarios ({@link RandomSuites#leak}), the guided
 * polluter search spends far fewer probes than plain delta debugging without ranking (same reduction, no guided
 * phase, chunks in run order). Both find the planted set.
 */
class GuidedSearchTest {

    private static final int CASES = 100;

    @Test
    void guidedSearchFindsThePollutersInFewerProbesThanPlainDdmin() {
        long guidedProbes = 0;
        long plainProbes = 0;
        long guidedForkMs = 0;
        long plainForkMs = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            RandomSuites.Scenario guided = RandomSuites.leak(seed);
            RandomSuites.Scenario plain = RandomSuites.leak(seed);

            guidedProbes += searchProbes(guided, PolluterSearch.Guidance.MEASURED);
            plainProbes += searchProbes(plain, PolluterSearch.Guidance.NONE);
            guidedForkMs += guided.suite().forkMillis();
            plainForkMs += plain.suite().forkMillis();
        }

        assertThat(guidedProbes)
                .as("search probes over %d scenarios: guided %d, plain %d", CASES, guidedProbes, plainProbes)
                .isLessThanOrEqualTo(plainProbes / 2);
        assertThat(guidedForkMs).isLessThanOrEqualTo(plainForkMs / 2);
    }

    /** Runs the engine, checks it found the planted set, and returns the probes its polluter search spent. */
    private static int searchProbes(RandomSuites.Scenario scenario, PolluterSearch.Guidance guidance) {
        SimulatedSuite suite = scenario.suite();
        SearchResult result = new BisectEngine(suite, ProgressListener.NONE, guidance)
                .run(BisectRequest.of(suite.names()).withMaxProbes(1000));
        assertThat(result.culprits())
                .as("seed %d, %s", scenario.seed(), guidance)
                .extracting(c -> new RandomSuites.Planted(c.victim(), c.polluters()))
                .containsExactlyElementsOf(scenario.planted());
        // less the fork it died in, the victim alone and the confirmation
        return result.culprits().get(0).probes().size() - 3;
    }
}
