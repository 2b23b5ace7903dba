package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Seeded random suites: 200 of {@link RandomSuites#mixed} and 40 of each {@link OverlapSuites.Shape}. Every planted
 * culprit is found, nothing else is (a finding may only say that a class died of memory culprits' polluters keep),
 * every polluter set is 1-minimal by the simulation's own account, and the searches stay within their bounds: each
 * polluter search within the one the {@link PolluterSearch} Javadoc derives (with {@code n} classes before the victim
 * in the fork it died in and {@code s} polluters found, at most {@code ⌈log2 n⌉ + 1} guided probes plus
 * {@code 2s⌈log2 n⌉} reduction probes), and the whole search within the one {@code docs/architecture.md} states
 * ({@link #bound(SearchResult, int, int)}).
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
            assertOnlyBlamedMemoryFindings(result, at);
            assertThat(result.culprits())
                    .as(at)
                    .extracting(c -> new RandomSuites.Planted(c.victim(), c.polluters()))
                    .containsExactlyElementsOf(scenario.planted());
            assertThat(result.verdict())
                    .as(at)
                    .isEqualTo(scenario.planted().isEmpty() ? Verdict.NO_CULPRIT : Verdict.CULPRITS_FOUND);
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
                culpritsFound++;
            }
            assertThat(suite.probes())
                    .as(at)
                    .isLessThanOrEqualTo(bound(result, suite.names().size(), 1));
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

    /**
     * Every {@link OverlapSuites.Shape} on 40 seeded random suites: every planted culprit is found with its kind,
     * victim and polluter set (the only 1-minimal one, by the simulation's own account, and no class that keeps
     * nothing), nothing else is, no finding but a victim's that died only of blamed memory, and the search stays
     * within the bound of {@code docs/architecture.md} ("What it costs").
     */
    @Test
    void findsOverlappingCulpritsMinimallyWithinTheStatedBound() {
        int scenarios = 0;
        int culprits = 0;
        for (OverlapSuites.Shape shape : OverlapSuites.Shape.values()) {
            for (long seed = 1; seed <= 40; seed++) {
                OverlapSuites.Scenario scenario = OverlapSuites.of(shape, seed);
                SimulatedSuite suite = scenario.suite();
                BisectRequest request = BisectRequest.of(suite.names()).withMaxProbes(1000);

                SearchResult result = new BisectEngine(suite, ProgressListener.NONE).run(request);

                String at = shape + " seed " + seed + ", " + suite.names().size() + " classes, planted "
                        + scenario.planted();
                assertThat(result.verdict()).as(at).isEqualTo(Verdict.CULPRITS_FOUND);
                assertThat(result.culprits())
                        .as(at)
                        .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                        .containsExactlyInAnyOrderElementsOf(scenario.planted().stream()
                                .map(p -> Tuple.tuple(p.kind(), p.victim(), p.polluters()))
                                .toList());
                assertOnlyBlamedMemoryFindings(result, at);
                for (Culprit culprit : result.culprits()) {
                    if (culprit.kind() == Culprit.Kind.CUMULATIVE) {
                        assertOneMinimal(suite, culprit, at);
                        assertThat(culprit.polluters())
                                .as(at + ": polluters keep something, in CI order")
                                .allMatch(p -> suite.get(p).keepsSomething())
                                .isSortedAccordingTo(java.util.Comparator.comparingInt(
                                        p -> suite.names().indexOf(p)));
                        assertThat(culprit.reproduced()).as(at).isEqualTo(culprit.attempts());
                    }
                    culprits++;
                }
                assertThat(suite.probes())
                        .as(at)
                        .isLessThanOrEqualTo(bound(result, suite.names().size(), 1));
                // forks at once find the same
                SimulatedSuite again = OverlapSuites.of(shape, seed).suite();
                SearchResult parallel = new BisectEngine(
                                new ParallelProbesTest.Rendezvous(again, p -> false), ProgressListener.NONE)
                        .run(request.withParallelProbes(3));
                assertThat(parallel.culprits())
                        .as(at + ", 3 forks at once")
                        .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                        .containsExactlyInAnyOrderElementsOf(scenario.planted().stream()
                                .map(p -> Tuple.tuple(p.kind(), p.victim(), p.polluters()))
                                .toList());
                scenarios++;
            }
        }
        assertThat(scenarios).isEqualTo(6 * 40);
        assertThat(culprits).isGreaterThan(scenarios * 3 / 2);
    }

    /**
     * The bound of {@code docs/architecture.md} for a search's result: with {@code L = ⌈log2 n⌉} and {@code c}
     * confirmRuns, {@code 1 + h(3 + c) + Σ(4 + c + L(1 + 2s)) + u(4 + L) + b + d} for {@code h} hogs, cumulative
     * culprits of {@code s} polluters, {@code u} intermittent ones, {@code b} victims of blamed memory and {@code d}
     * classes dropped where they were carried.
     */
    static int bound(SearchResult result, int n, int confirmRuns) {
        int log = ceilLog2(n);
        int probes = 1;
        for (Culprit culprit : result.culprits()) {
            probes += switch (culprit.kind()) {
                case SINGLE -> 3 + confirmRuns;
                case CUMULATIVE ->
                    4 + confirmRuns + log * (1 + 2 * culprit.polluters().size());
                case INTERMITTENT ->
                    culprit.polluters().isEmpty()
                            ? 4 + log
                            : 4
                                    + confirmRuns
                                    + log * (1 + 2 * culprit.polluters().size());
            };
        }
        for (Finding finding : result.findings()) {
            probes += finding.kind() == Finding.Kind.NEEDS_BLAMED_MEMORY
                            || finding.kind() == Finding.Kind.DIED_WHEN_CARRIED
                    ? 1
                    : 0;
        }
        return probes;
    }

    /** A search may say that a class died only of blamed memory; it names culprits' polluters and hogs only. */
    private static void assertOnlyBlamedMemoryFindings(SearchResult result, String at) {
        Set<String> blamed = new HashSet<>();
        for (Culprit culprit : result.culprits()) {
            blamed.addAll(culprit.polluters());
            if (culprit.kind() == Culprit.Kind.SINGLE) {
                blamed.add(culprit.victim());
            }
        }
        assertThat(result.findings()).as(at).allSatisfy(finding -> {
            assertThat(finding).isInstanceOf(Finding.NeedsBlamedMemory.class);
            assertThat(((Finding.NeedsBlamedMemory) finding).blamed()).isSubsetOf(blamed);
        });
    }

    @Test
    void ceilLog2IsWhatTheBoundSays() {
        assertThat(List.of(1, 2, 3, 4, 5, 8, 9, 300).stream().map(RandomisedSearchTest::ceilLog2))
                .containsExactly(0, 1, 2, 2, 3, 3, 4, 9);
    }
}
