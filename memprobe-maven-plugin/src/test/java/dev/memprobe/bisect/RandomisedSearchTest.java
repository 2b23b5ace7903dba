package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 200 seeded random suites ({@link RandomSuites#mixed}): every planted culprit is found, nothing else is, every
 * polluter set is 1-minimal by the simulation's own account, and each search stays within the bound that the
 * {@link PolluterSearch} Javadoc derives: with {@code n} classes before the victim in the fork it died in and {@code s}
 * polluters found, at most {@code ⌈log2 n⌉ + 1} guided probes plus {@code 2s⌈log2 n⌉} reduction probes.
 */
class RandomisedSearchTest {

    private static final int CASES = 200;

    @Test
    void findsEveryPlantedCulpritMinimallyWithinTheStatedBound() {
        int culpritsFound = 0;
        int cumulative = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            RandomSuites.Scenario scenario = RandomSuites.mixed(seed);
            SimulatedSuite suite = scenario.suite();
            BisectRequest request = BisectRequest.of(suite.names()).withMaxProbes(1000);

            SearchResult result = new BisectEngine(suite, ProgressListener.NONE).run(request);

            String at = "seed " + seed + ", " + suite.names().size() + " classes, planted " + scenario.planted();
            assertThat(result.findings()).as(at).isEmpty();
            assertThat(result.culprits())
                    .as(at)
                    .extracting(c -> new RandomSuites.Planted(c.victim(), c.polluters()))
                    .containsExactlyElementsOf(scenario.planted());
            assertThat(result.verdict())
                    .as(at)
                    .isEqualTo(scenario.planted().isEmpty() ? Verdict.NO_CULPRIT : Verdict.CULPRITS_FOUND);
            Set<Integer> accounted = new HashSet<>();
            for (Culprit culprit : result.culprits()) {
                assertThat(culprit.reproduced())
                        .as(at)
                        .isEqualTo(culprit.attempts())
                        .isEqualTo(2);
                if (culprit.polluters().isEmpty()) {
                    assertThat(culprit.kind()).as(at).isEqualTo(Culprit.Kind.SINGLE);
                    // the fork it died in, alone: dying the same way in both confirms it
                    assertThat(culprit.probes()).as(at).hasSize(2);
                } else {
                    assertThat(culprit.kind()).as(at).isEqualTo(Culprit.Kind.CUMULATIVE);
                    assertOneMinimal(suite, culprit, at);
                    int n = result.probes()
                            .get(culprit.probes().get(0) - 1)
                            .startedBefore(culprit.victim())
                            .size();
                    int searchProbes = culprit.probes().size() - 3;
                    assertThat(searchProbes)
                            .as(at + ": search probes for n=" + n)
                            .isLessThanOrEqualTo(bound(n, culprit.polluters().size()));
                    cumulative++;
                }
                accounted.addAll(culprit.probes());
                culpritsFound++;
            }
            // every probe belongs to a culprit (a fork that went on past memory errors to several), but the last fork
            // that ran the rest of the suite and survived
            assertThat(suite.probes() - accounted.size()).as(at).isBetween(0, 1);
        }
        assertThat(culpritsFound).isGreaterThan(CASES);
        assertThat(cumulative).isGreaterThan(CASES / 2);
    }

    /** The bound of the {@link PolluterSearch} Javadoc: guided phase plus reduction. */
    static int bound(int n, int s) {
        int log = ceilLog2(n);
        return log + 1 + 2 * s * log;
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private static void assertOneMinimal(SimulatedSuite suite, Culprit culprit, String at) {
        assertThat(suite.dies(culprit.polluters(), culprit.victim()))
                .as(at + ": %s dies after %s", culprit.victim(), culprit.polluters())
                .isTrue();
        for (String polluter : culprit.polluters()) {
            List<String> fewer = new ArrayList<>(culprit.polluters());
            fewer.remove(polluter);
            assertThat(suite.dies(fewer, culprit.victim()))
                    .as(at + ": %s survives without %s", culprit.victim(), polluter)
                    .isFalse();
        }
    }

    @Test
    void ceilLog2IsWhatTheBoundSays() {
        assertThat(List.of(1, 2, 3, 4, 5, 8, 9, 300).stream().map(RandomisedSearchTest::ceilLog2))
                .containsExactly(0, 1, 2, 2, 3, 3, 4, 9);
    }
}
