package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.PurposeText;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Probes that do not depend on each other run at the same time when {@code parallelProbes} allows: the verdicts and
 * the probe ids stay what they are one at a time. Concurrency is proven with a barrier that only opens when two
 * probes are in flight together; run one after the other, the first would wait in vain and the test fail.
 */
class ParallelProbesTest {

    /** A simulated suite made safe to call from several threads, that makes chosen probes meet at a barrier. */
    static final class Rendezvous implements ForkRunner {
        private final SimulatedSuite suite;
        private final Predicate<Probe> meets;
        private final CyclicBarrier barrier = new CyclicBarrier(2);
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();

        Rendezvous(SimulatedSuite suite, Predicate<Probe> meets) {
            this.suite = suite;
            this.meets = meets;
        }

        @Override
        public ForkResult run(Probe probe) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (meets.test(probe)) {
                    barrier.await(20, TimeUnit.SECONDS);
                }
                synchronized (suite) {
                    return suite.run(probe);
                }
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new AssertionError(
                        "probe " + probe.id() + " (" + PurposeText.of(probe.purpose()) + ") ran alone", e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void theRestOfTheSuiteRunsWhileTheHogRunsAlone() {
        // Cache keeps more than three quarters of the heap, so the fork cannot go on after Hog's error: the rest needs
        // a fork
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 8)
                .add(plain("Cache").leaks(mib(200)))
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 10, 19)
                .build();
        Rendezvous runner = new Rendezvous(suite, p -> p.id() == 2 || p.id() == 3);

        SearchResult result = new BisectEngine(runner, ProgressListener.NONE)
                .run(BisectRequest.of(suite.names()).withParallelProbes(2));

        assertThat(result.culprits())
                .extracting(Culprit::victim, Culprit::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Hog", Culprit.Kind.SINGLE));
        assertThat(result.probes())
                .extracting(r -> PurposeText.of(r.probe().purpose()))
                .containsExactly(
                        "the whole suite, 20 classes in Surefire's run order",
                        "does Hog die alone?",
                        "10 classes not yet run after Hog, after 9 that ran before it");
        // Cache's memory is carried to the classes after Hog, as CI would hold it with Hog fixed
        assertThat(result.probes().get(2).probe().classes()).startsWith("T01").contains("Cache");
        assertThat(suite.probes()).isEqualTo(3);
        assertThat(runner.mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void findsTheSameCulpritsOneAtATimeAndInParallel() {
        SimulatedSuite.Builder builder = SimulatedSuite.builder()
                .plain("A", 1, 6)
                .add(plain("Hog").needs(mib(300)))
                .plain("B", 1, 6)
                .add(plain("Cache").leaks(mib(150)))
                .plain("C", 1, 6)
                .add(plain("Export").needs(mib(120)))
                .plain("D", 1, 6);
        SimulatedSuite alone = builder.build();
        SimulatedSuite together = builder.build();

        SearchResult sequential = new BisectEngine(alone, ProgressListener.NONE).run(BisectRequest.of(alone.names()));
        SearchResult parallel = new BisectEngine(new Rendezvous(together, p -> false), ProgressListener.NONE)
                .run(BisectRequest.of(together.names()).withParallelProbes(3));

        assertThat(parallel.culprits())
                .extracting(Culprit::victim, Culprit::kind, Culprit::polluters)
                .containsExactlyElementsOf(sequential.culprits().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.victim(), c.kind(), c.polluters()))
                        .toList());
        assertThat(parallel.culprits()).extracting(Culprit::victim).containsExactly("Hog", "Export");
        assertThat(parallel.probes())
                .extracting(r -> r.probe().id())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(
                                1, parallel.probes().size())
                        .boxed()
                        .toList());
    }

    @Test
    void isolatedStartsEveryClassAtOnce() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("Hog").needs(mib(300)))
                .build();
        Rendezvous runner = new Rendezvous(suite, p -> p.id() <= 2);

        SearchResult result = new BisectEngine(runner, ProgressListener.NONE)
                .run(BisectRequest.of(suite.names())
                        .withStrategy(Strategy.ISOLATED)
                        .withParallelProbes(2));

        assertThat(result.culprits()).extracting(Culprit::victim).containsExactly("Hog");
        assertThat(result.probes()).hasSize(6 + 1);
        assertThat(runner.mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void failFastKeepsProbesOneAtATime() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("Hog").needs(mib(300)))
                .plain("U", 1, 5)
                .build();
        Rendezvous runner = new Rendezvous(suite, p -> false);

        new BisectEngine(runner, ProgressListener.NONE)
                .run(BisectRequest.of(suite.names()).withFailFast(true).withParallelProbes(4));

        assertThat(runner.mostInFlight.get()).isEqualTo(1);
        assertThat(suite.probes()).isEqualTo(2); // whole suite, Hog alone (its confirmation): then it stops
    }
}
