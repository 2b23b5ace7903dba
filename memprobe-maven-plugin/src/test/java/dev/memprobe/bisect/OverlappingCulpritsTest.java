package dev.memprobe.bisect;

import static dev.memprobe.bisect.BisectEngineTest.search;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.memprobe.report.FindingText;
import dev.memprobe.report.PurposeText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Culprits that overlap, one suite of each shape issue 18 names: the verdicts, and the probes each costs. Heap 256 MiB,
 * of which the JVM holds 16 MiB; a plain class needs 8 MiB; confirmRuns 1.
 */
class OverlappingCulpritsTest {

    @Test
    void victimOfAPolluterBeforeAHogThatTakesItsForkIsFoundAfterTheClassesCiRunsBeforeIt() {
        // Loader keeps 40 MiB of metaspace and kills the fork: Report, which needs what Cache keeps, never runs in it
        SimulatedSuite suite = SimulatedSuite.builder()
                .limit(Resource.METASPACE, mib(160))
                .plain("T", 1, 3)
                .add(plain("Cache").leaks(mib(150)))
                .plain("T", 4, 6)
                .add(plain("Loader").needsOffHeap(Resource.METASPACE, mib(200)))
                .plain("T", 7, 9)
                .add(plain("Report").needs(mib(100)))
                .plain("T", 10, 12)
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::cause, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.SINGLE, "Loader", Cause.METASPACE_OOM, List.of()),
                        tuple(Culprit.Kind.CUMULATIVE, "Report", Cause.HEAP_OOM, List.of("Cache")));
        assertThat(result.findings()).isEmpty();
        assertThat(result.probes())
                .extracting(r -> PurposeText.of(r.probe().purpose()))
                .containsExactly(
                        "the whole suite, 15 classes in Surefire's run order",
                        // Cache kept heap, not metaspace: no suspect of Loader's, it is carried after Loader
                        "does Loader die alone? then the 7 classes not yet run, after 7 that ran before Loader",
                        // Loader took that fork with it: the rest in a fork of its own, after all CI runs before it
                        "7 classes not yet run after Loader, after 7 that ran before it",
                        // Cache's 150 MiB is less than three quarters of the heap: that fork went on past Report's
                        // error, so the 3 classes after it ran there
                        "does Report die alone?",
                        // its confirmation too: the suite's death was the first sighting
                        "does Cache pollute Report?");
        assertThat(result.probes().get(2).probe().classes()).startsWith("T01", "T02", "T03", "Cache");
    }

    @Test
    void aHeapHogThatDiesAloneAndGoesOnHasTheRestRunAgainWithItsSuspectCarried() {
        // Cache keeps more than three quarters of the heap, so Hog's death ends the suite's fork; alone, Hog's heap
        // recovers and the rest follows it, but without Cache, its suspect: Cache is no polluter of Hog, so the rest
        // runs again with it
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("Cache").leaks(mib(200)))
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 4, 6)
                .add(plain("Report").needs(mib(100)))
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.SINGLE, "Hog", List.of()),
                        tuple(Culprit.Kind.CUMULATIVE, "Report", List.of("Cache")));
        // suite, Hog alone and the rest without Cache (Report passes), the rest again with Cache (Report dies),
        // Report alone, [Cache, Report] (the confirmation: the fork's death was the first sighting)
        assertThat(suite.probes()).isEqualTo(5);
    }

    @Test
    void twoIndependentLeaksInterleavedAreEachFoundWithTheirOwnPolluters() {
        // Sessions and Tokens both run before both victims; Export dies after Sessions alone, Import after Tokens
        // alone, and Tokens keeps too little to kill Export
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("Sessions").leaks(mib(130)))
                .plain("T", 4, 5)
                .add(plain("Tokens").leaks(mib(60)))
                .plain("T", 6, 7)
                .add(plain("Export").needs(mib(115)))
                .plain("T", 8, 9)
                .add(plain("Import").needs(mib(185)))
                .plain("T", 10, 11)
                .build();
        assertThat(suite.dies(List.of("Tokens"), "Export")).isFalse();
        assertThat(suite.dies(List.of("Sessions"), "Import")).isTrue();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.CUMULATIVE, "Export", List.of("Sessions")),
                        tuple(Culprit.Kind.CUMULATIVE, "Import", List.of("Tokens")));
        assertThat(result.findings()).isEmpty();
        // suite (dies in Export); Export alone, then the rest after the classes before it but its suspects, Sessions
        // and Tokens (Import passes); [Sessions, Export], its confirmation; Tokens was no polluter of Export: the
        // rest again, with Tokens (Import dies); Import alone; [Tokens, Import], its confirmation
        assertThat(suite.probes()).isEqualTo(6);
    }

    @Test
    void aSecondPolluterThatDiedOfTheFirstLeaksMemoryIsNoVictimOfItAndItsOwnVictimIsFound() {
        // the suite's fork goes on past Report's death (Sessions keeps less than half the heap), then Tokens dies of
        // both leaks and gives its memory back, so Import passes there; with Sessions fixed, Tokens passes and
        // Import dies after it. Carrying the heavy classes, blamed ones included, blamed Tokens on Sessions and lost
        // Import
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("Sessions").leaks(mib(100)))
                .plain("T", 4, 5)
                .add(plain("Report").needs(mib(145)))
                .plain("T", 6, 7)
                .add(plain("Tokens").leaks(mib(135)))
                .plain("T", 8, 9)
                .add(plain("Import").needs(mib(110)))
                .plain("T", 10, 11)
                .build();
        assertThat(suite.dies(List.of("Sessions"), "Tokens")).isTrue();
        assertThat(suite.dies(List.of("Sessions"), "Import")).isFalse();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.CUMULATIVE, "Report", List.of("Sessions")),
                        tuple(Culprit.Kind.CUMULATIVE, "Import", List.of("Tokens")));
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding).isInstanceOf(Finding.NeedsBlamedMemory.class);
            assertThat(finding.classes()).containsExactly("Tokens");
            assertThat(FindingText.of(finding))
                    .startsWith("Tokens died (heap OutOfMemoryError in Tokens#loads")
                    .contains("in probe 1, after Sessions had run there", "in probe 4,", "it passed");
        });
        assertThat(PurposeText.of(result.probes().get(3).probe().purpose()))
                .isEqualTo("Tokens and the 5 classes after it again, after 8 that ran before it, without the culprits"
                        + " found");
        assertThat(result.probes().get(3).probe().classes()).doesNotContain("Sessions");
        // suite, Report alone, [Sessions, Report] (its confirmation), Tokens and the rest again, Import alone and the
        // classes after it, [Tokens, Import] (its confirmation)
        assertThat(suite.probes()).isEqualTo(6);
    }

    @Test
    void aHogAndAMetaspaceLeakInOneSuiteAreBothFound() {
        // Plugins keeps 60 MiB of metaspace; Scripts needs 80 of the 120 the tests have; Threads starts threads until
        // none can start, between them, and takes the fork with it
        SimulatedSuite suite = SimulatedSuite.builder()
                .limit(Resource.METASPACE, mib(160))
                .limit(Resource.THREADS, 2014)
                .plain("T", 1, 3)
                .add(plain("Plugins").leaksOffHeap(Resource.METASPACE, mib(60)))
                .plain("T", 4, 5)
                .add(plain("Threads").needsOffHeap(Resource.THREADS, 3000))
                .plain("T", 6, 7)
                .add(plain("Scripts").needsOffHeap(Resource.METASPACE, mib(80)))
                .plain("T", 8, 9)
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::cause, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.SINGLE, "Threads", Cause.THREAD_OOM, List.of()),
                        tuple(Culprit.Kind.CUMULATIVE, "Scripts", Cause.METASPACE_OOM, List.of("Plugins")));
        // suite; Threads alone, which takes the fork with it; the rest after what ran before Threads; Scripts alone
        // and the 2 after it; [Plugins, Scripts], its confirmation
        assertThat(suite.probes()).isEqualTo(5);
    }

    @Test
    void victimKilledByTheMemoryLimitAfterItsPolluterIsFoundAndSoIsAHeapLeakAcrossTheKill() {
        // Buffers keeps 200 MiB of native memory; Netty needs 150 of the 300 above the JVM and its heap: memprobe's
        // memory limit kills the fork in Netty, before Export, whose heap polluter Cache ran before Netty
        SimulatedSuite suite = SimulatedSuite.builder()
                .limit(Resource.RSS, mib(96 + 256 + 300))
                .plain("T", 1, 2)
                .add(plain("Buffers").leaksOffHeap(Resource.RSS, mib(200)))
                .add(plain("Cache").leaks(mib(150)))
                .plain("T", 3, 4)
                .add(plain("Netty").needsOffHeap(Resource.RSS, mib(150)))
                .plain("T", 5, 6)
                .add(plain("Export").needs(mib(100)))
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::cause, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.CUMULATIVE, "Netty", Cause.MEMORY_LIMIT, List.of("Buffers")),
                        tuple(Culprit.Kind.CUMULATIVE, "Export", Cause.HEAP_OOM, List.of("Cache")));
        assertThat(result.culprits().get(0).exitCode()).isEqualTo(137);
        // suite; Netty alone and the rest after the classes before it but Buffers, its suspect (Export dies after
        // Cache); [Buffers, Netty], its confirmation; Export alone; [Cache, Export], its confirmation
        assertThat(suite.probes()).isEqualTo(5);
    }

    @Test
    void victimThatDiesInBeforeAllAfterItsPolluterIsFoundWithNoTestMethodInFlight() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 4)
                .add(plain("Fixtures").leaks(mib(150)))
                .plain("T", 5, 8)
                .add(plain("Export").needs(mib(100)).inBeforeAll())
                .plain("T", 9, 12)
                .build();

        SearchResult result = search(suite);

        Culprit culprit = BisectEngineTest.assertCumulative(result, "Export", "Fixtures");
        assertThat(culprit.method()).isNull();
        // suite, Export alone and the 4 after it, [Fixtures, Export] (the confirmation)
        assertThat(suite.probes()).isEqualTo(3);
    }

    @Test
    void intermittentHogBesideASteadyOneIsReportedAsIntermittentAndTheSteadyOneAsSingle() {
        // Flaky dies on its first run only, right after Steady, which always runs out of direct buffers and takes
        // the fork with it: Flaky's first run is in the fork for the rest
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 4)
                .add(plain("Steady").needsOffHeap(Resource.DIRECT_BUFFERS, mib(300)))
                .add(plain("Flaky").needs(mib(20)).diesOnRuns(1))
                .plain("T", 5, 8)
                .build();

        SearchResult result = search(suite);

        assertThat(result.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::cause, Culprit::polluters)
                .containsExactly(
                        tuple(Culprit.Kind.SINGLE, "Steady", Cause.DIRECT_OOM, List.of()),
                        tuple(Culprit.Kind.INTERMITTENT, "Flaky", Cause.HEAP_OOM, List.of()));
        assertThat(result.culprits().get(1).reproduced())
                .isLessThan(result.culprits().get(1).attempts());
        // suite; Steady alone, which takes the fork with it; the rest after what ran before Steady (Flaky dies);
        // Flaky alone, then the 4 after it; the 4 classes before it and Flaky again (it survives)
        assertThat(suite.probes()).isEqualTo(5);
    }

    @Test
    void parallelProbesFindTheSameOverlappingCulprits() {
        SimulatedSuite.Builder builder = SimulatedSuite.builder()
                .limit(Resource.METASPACE, mib(160))
                .plain("T", 1, 3)
                .add(plain("Cache").leaks(mib(150)))
                .plain("T", 4, 6)
                .add(plain("Loader").needsOffHeap(Resource.METASPACE, mib(200)))
                .plain("T", 7, 9)
                .add(plain("Report").needs(mib(100)))
                .plain("T", 10, 12);
        SimulatedSuite alone = builder.build();
        SimulatedSuite together = builder.build();

        SearchResult sequential = search(alone);
        SearchResult parallel = new BisectEngine(
                        new ParallelProbesTest.Rendezvous(together, p -> false), ProgressListener.NONE)
                .run(BisectRequest.of(together.names()).withParallelProbes(3));

        assertThat(parallel.culprits())
                .extracting(Culprit::kind, Culprit::victim, Culprit::polluters)
                .containsExactlyElementsOf(sequential.culprits().stream()
                        .map(c -> tuple(c.kind(), c.victim(), c.polluters()))
                        .toList());
        assertThat(parallel.culprits()).extracting(Culprit::victim).containsExactly("Loader", "Report");
    }
}
