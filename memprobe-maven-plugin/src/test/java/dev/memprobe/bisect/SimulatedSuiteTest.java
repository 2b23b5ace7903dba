package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The test double keeps the promises its Javadoc makes: the engine tests rest on them. */
class SimulatedSuiteTest {

    private static Probe probe(int id, List<String> classes) {
        return new Probe(id, classes, new Purpose.NotYetRun(classes.size()), false, Set.of(), true);
    }

    @Test
    void victimDiesExactlyWhenWhatWasKeptPlusItsNeedExceedsTheHeap() {
        // base 16 + leak 100 + need 140 = 256: fits; one more MiB of need does not
        SimulatedSuite fits = SimulatedSuite.builder()
                .add(plain("P").leaks(mib(100)), plain("V").needs(mib(140)))
                .build();
        SimulatedSuite over = SimulatedSuite.builder()
                .add(plain("P").leaks(mib(100)), plain("V").needs(mib(141)))
                .build();

        assertThat(fits.run(probe(1, fits.names())).failure()).isEmpty();
        ForkResult died = over.run(probe(1, over.names()));
        assertThat(died.failure()).hasValueSatisfying(f -> {
            assertThat(f.victim()).isEqualTo("V");
            assertThat(f.cause()).isEqualTo(Cause.HEAP_OOM);
        });
        assertThat(over.dies(List.of(), "V")).isFalse();
        assertThat(over.dies(List.of("P"), "V")).isTrue();
    }

    @Test
    void goesOnPastAHeapErrorAtTheProvidersShare() throws ReflectiveOperationException {
        Field share = Class.forName("dev.memprobe.provider.HeapRecovery").getDeclaredField("RECOVERED_SHARE");
        share.setAccessible(true);

        assertThat(SimulatedFork.RECOVERED_SHARE).isEqualTo(share.getDouble(null));
    }

    @Test
    void stopsAtTheFirstDeathAndPlansWhatTheProbeListed() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 3)
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 4, 6)
                .build();

        ForkResult result = suite.run(probe(1, suite.names()));

        assertThat(result.planned()).isEqualTo(suite.names());
        assertThat(result.classes()).extracting(ClassRun::name).containsExactly("T01", "T02", "T03", "Hog");
        assertThat(result.classes().get(3).outcome()).isEqualTo(ClassRun.Outcome.DIED);
        assertThat(result.death().inFlightClass()).isEqualTo("Hog");
        assertThat(result.notFinished("Hog")).containsExactly("T04", "T05", "T06");
        assertThat(suite.probes()).isEqualTo(1);
    }

    @Test
    void measuresAreConsistentWithTheCollectionsThatRan() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .plain("T", 1, 10)
                .add(plain("P").leaks(mib(40)))
                .plain("T", 11, 20)
                .build();

        List<ClassRun> runs = suite.run(probe(1, suite.names())).classes();

        long lastSeen = -1;
        for (ClassRun run : runs) {
            Measure m = run.measure();
            assertThat(m.liveBefore()).as("liveBefore of %s", run.name()).isEqualTo(lastSeen);
            assertThat(m.heapPeak()).isBetween(0L, m.heapMax());
            assertThat(m.retained()).isEqualTo(-1);
            if (m.gcCount() == 0) {
                assertThat(List.of(m.liveMin(), m.liveMax(), m.liveLast())).containsOnly(-1L);
            } else {
                assertThat(m.liveMin()).isPositive().isLessThanOrEqualTo(m.liveLast());
                assertThat(m.liveLast()).isLessThanOrEqualTo(m.liveMax());
                assertThat(m.liveMax()).isLessThanOrEqualTo(m.heapPeak());
                lastSeen = m.liveLast();
            }
        }
        assertThat(runs).filteredOn(r -> r.measure().gcCount() == 0).isNotEmpty();
        assertThat(runs).filteredOn(r -> r.measure().gcCount() > 0).isNotEmpty();
    }

    @Test
    void exactModeMeasuresWhatEachClassKept() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .exact()
                .add(plain("A"), plain("P").leaks(mib(40)), plain("B"))
                .build();

        List<ClassRun> runs = suite.run(probe(1, suite.names())).classes();

        assertThat(runs)
                .extracting(r -> r.measure().retained() - r.measure().liveBefore())
                .containsExactly(0L, mib(40), 0L);
    }

    @Test
    void countsProbesAndForkTimeAsJvmStartsPlusClassDurations() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .jvmStartMs(1000)
                .add(plain("A").takes(200), plain("B").takes(300))
                .build();

        suite.run(probe(1, List.of("A", "B")));
        suite.run(probe(2, List.of("B")));

        assertThat(suite.probes()).isEqualTo(2);
        assertThat(suite.forkMillis()).isEqualTo(1000 + 200 + 300 + 1000 + 300);
    }

    @Test
    void scriptedFlakeDiesOnTheGivenRunsOnly() {
        SimulatedSuite suite =
                SimulatedSuite.builder().add(plain("V").diesOnRuns(2)).build();

        assertThat(suite.run(probe(1, List.of("V"))).failure()).isEmpty();
        assertThat(suite.run(probe(2, List.of("V"))).failure()).isPresent();
        assertThat(suite.run(probe(3, List.of("V"))).failure()).isEmpty();
        assertThat(suite.dies(List.of(), "V")).isFalse();
    }

    @Test
    void timeoutExitAndDeathOutsideAnyClassAreReportedAsTheProviderWould() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .forkTimeoutMs(1000)
                .add(
                        plain("Slow").takes(1500),
                        plain("Exits").exits(),
                        plain("Reaper").killsForkAfterwards(Cause.KILLED))
                .build();

        assertThat(suite.run(probe(1, List.of("Slow"))).death())
                .extracting(Death::cause, Death::inFlightClass)
                .containsExactly(Cause.TIMEOUT, "Slow");
        assertThat(suite.run(probe(2, List.of("Exits"))).death())
                .extracting(Death::cause, Death::exitCode, Death::inFlightClass)
                .containsExactly(Cause.EXIT, 1, "Exits");
        ForkResult reaped = suite.run(probe(3, List.of("Reaper")));
        assertThat(reaped.death())
                .extracting(Death::cause, Death::inFlightClass)
                .containsExactly(Cause.KILLED, null);
        assertThat(reaped.failure())
                .hasValueSatisfying(f -> assertThat(f.victim()).isNull());
    }

    @Test
    void junit4StyleMemoryErrorFailsTheClassAndStopsTheForkWithoutDeath() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .oomAsTestError()
                .add(plain("Hog").needs(mib(300)), plain("After"))
                .build();

        ForkResult result = suite.run(probe(1, suite.names()));

        assertThat(result.death()).isNull();
        assertThat(result.classes())
                .extracting(ClassRun::name, ClassRun::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Hog", ClassRun.Outcome.MEMORY_ERROR));
        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.cause()).isEqualTo(Cause.HEAP_OOM));
    }

    @Test
    void memoryOutsideTheHeapAddsUpToItsLimitAndKillsTheForkOfItsOwnCause() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .limit(Resource.METASPACE, mib(160))
                .add(plain("P").leaksOffHeap(Resource.METASPACE, mib(60)), plain("T"))
                .add(plain("V").needsOffHeap(Resource.METASPACE, mib(61)), plain("U"))
                .build();

        ForkResult result = suite.run(probe(1, suite.names()));

        // the JVM's 40 MiB, P's 60 and V's 61: past 160
        assertThat(result.death()).satisfies(death -> {
            assertThat(death.cause()).isEqualTo(Cause.METASPACE_OOM);
            assertThat(death.inFlightClass()).isEqualTo("V");
        });
        assertThat(result.classes()).extracting(ClassRun::name).containsExactly("P", "T", "V");
        assertThat(result.run("T").orElseThrow().measure().metaspaceEnd()).isEqualTo(mib(100));
        assertThat(suite.dies(List.of(), "V")).isFalse();
        assertThat(suite.dies(List.of("P"), "V")).isTrue();
    }

    @Test
    void theMemoryLimitKillsTheForkWithExitCode137AndThreadsCountOneByOne() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .limit(Resource.RSS, mib(96 + 256 + 100))
                .limit(Resource.THREADS, 114)
                .add(plain("Pool").leaksOffHeap(Resource.THREADS, 100))
                .add(plain("Native").needsOffHeap(Resource.RSS, mib(101)))
                .build();

        ForkResult result = suite.run(probe(1, suite.names()));

        assertThat(result.death().cause()).isEqualTo(Cause.MEMORY_LIMIT);
        assertThat(result.death().exitCode()).isEqualTo(137);
        Measure pool = result.run("Pool").orElseThrow().measure();
        assertThat(List.of(pool.threadsStart(), pool.threadsPeak(), pool.threadsEnd()))
                .containsExactly(14L, 114L, 114L);
        assertThat(suite.dies(List.of(), "Native")).isTrue();
    }

    @Test
    void aClassThatBuildsItsWorkingSetInBeforeAllDiesWithNoTestMethodInFlight() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .add(plain("P").leaks(mib(150)), plain("V").needs(mib(100)).inBeforeAll())
                .build();

        ForkResult result = suite.run(probe(1, suite.names()));

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.victim()).isEqualTo("V");
            assertThat(f.method()).isNull();
        });
        assertThat(suite.get("P").keepsSomething()).isTrue();
        assertThat(suite.get("V").keepsSomething()).isFalse();
    }
}
