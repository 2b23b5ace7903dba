package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.ClassStartEvent;
import dev.memprobe.journal.ErrorEvent;
import dev.memprobe.journal.EventType;
import dev.memprobe.journal.ForkEvent;
import dev.memprobe.journal.GcOverheadEvent;
import dev.memprobe.journal.Journal;
import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.MeasureField;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.NearLimitEvent;
import dev.memprobe.journal.PlanEvent;
import dev.memprobe.journal.RecoveredEvent;
import dev.memprobe.journal.ShutdownEvent;
import dev.memprobe.journal.ShutdownTrigger;
import dev.memprobe.journal.TestEndEvent;
import dev.memprobe.journal.TestStatus;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcOverhead;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.ProcStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder with a real journal file and real measurements of this JVM. */
class RunRecorderTest {

    @TempDir
    Path folder;

    private Path file;
    private JournalWriter journal;
    private RunRecorder recorder;

    @BeforeEach
    void openJournal() throws IOException {
        file = folder.resolve("journal.jsonl");
        journal = JournalWriter.open(file.toFile());
        recorder = new RunRecorder(journal, new ClassMeter(new ProcStatus(), new GcWatcher(), false), Set.of(), 10);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    @Test
    void keepsItsMemoryReserveOutOfG1sHumongousRegions() {
        byte[][] reserve = MemoryReserve.newChunks();

        // G1's smallest region is 1 MiB; an array of half a region or more is humongous and takes whole regions
        assertThat(Arrays.stream(reserve).mapToInt(chunk -> chunk.length)).allMatch(length -> length < 512 * 1024);
        assertThat(Arrays.stream(reserve).mapToInt(chunk -> chunk.length).sum()).isEqualTo(1 << 20);
    }

    @Test
    void everyMeasurementOfTheMeterReachesTheClassEndAsItWasMeasured() {
        Measures.Builder distinct = Measures.builder().poolPeak("G1 Old Gen", 7).poolPeak("G1 Eden Space", 8);
        for (MeasureField field : MeasureField.values()) {
            distinct.set(field, 1_000 + field.ordinal());
        }
        Measures measured = distinct.build();
        ClassMeter fixed = new ClassMeter(new ProcStatus(), new GcWatcher(), false) {
            @Override
            public Measures end(Window w, boolean collect) {
                return measured;
            }
        };
        RunRecorder measuring = new RunRecorder(journal, fixed, Set.of(), 10);

        measuring.testSetStarting("com.acme.ATest");
        measuring.testSetCompleted();

        Measures written = single(ClassEndEvent.class).measures();
        for (MeasureField field : MeasureField.values()) {
            assertThat(written.get(field)).as("%s", field).isEqualTo(1_000 + field.ordinal());
        }
        assertThat(written.poolPeaks()).containsExactly(Map.entry("G1 Old Gen", 7L), Map.entry("G1 Eden Space", 8L));
    }

    @Test
    void aClassAbandonedAfterAMemoryErrorEndsWithItAndTheRestOfThePlanIsWhatDidNotStart() {
        recorder.plan(List.of("com.acme.ATest", "com.acme.HogTest", "com.acme.CTest", "com.acme.DTest"));
        recorder.testSetStarting("com.acme.ATest");
        recorder.testSetCompleted();
        recorder.testSetStarting("com.acme.HogTest");
        recorder.testStarting("com.acme.HogTest", "small");
        recorder.testEnded("com.acme.HogTest", "small", TestStatus.PASSED, 1, null);
        recorder.testStarting("com.acme.HogTest", "loadsAll");
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        // this test JVM's heap is far from half full: it counts as given back
        assertThat(recorder.recover("com.acme.HogTest")).isTrue();
        recorder.abandonInFlight(error);

        assertThat(recorder.currentClass()).isNull();
        assertThat(recorder.notStarted()).containsExactly("com.acme.CTest", "com.acme.DTest");
        List<JournalEvent> events = events();
        RecoveredEvent recovered = (RecoveredEvent) events.get(events.size() - 3);
        assertThat(recovered.className()).isEqualTo("com.acme.HogTest");
        assertThat(recovered.used()).isPositive().isLessThanOrEqualTo(recovered.max() / 2);
        TestEndEvent failed = (TestEndEvent) events.get(events.size() - 2);
        assertThat(failed.method()).isEqualTo("loadsAll");
        assertThat(failed.status()).isEqualTo(TestStatus.ERRORED);
        assertThat(failed.problem().throwable()).isEqualTo("java.lang.OutOfMemoryError");
        ClassEndEvent end = (ClassEndEvent) events.get(events.size() - 1);
        assertThat(end.className()).isEqualTo("com.acme.HogTest");
        assertThat(end.counts().tests()).isEqualTo(2);
        assertThat(end.counts().errors()).isEqualTo(1);
    }

    @Test
    void aClassWhoseSetUpFailedOfMemoryIsJournaledWithItsErrorThoughNoTestRan() {
        recorder.plan(List.of("com.acme.BeforeAllHogTest", "com.acme.CTest"));
        recorder.testSetStarting("com.acme.BeforeAllHogTest");
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        assertThat(recorder.recover("com.acme.BeforeAllHogTest")).isTrue();
        recorder.abandonInFlight(error);

        List<JournalEvent> events = events();
        TestEndEvent failed = (TestEndEvent) events.get(events.size() - 2);
        assertThat(failed.className()).isEqualTo("com.acme.BeforeAllHogTest");
        assertThat(failed.method()).isNull();
        assertThat(failed.status()).isEqualTo(TestStatus.ERRORED);
        assertThat(failed.problem().message()).isEqualTo("Java heap space");
        ClassEndEvent end = (ClassEndEvent) events.get(events.size() - 1);
        assertThat(end.counts().tests()).isZero();
        assertThat(end.counts().errors()).isEqualTo(1);
    }

    @Test
    void aMemoryErrorTheFrameworkReportsAsAFailedTestSaysWhetherTheHeapIsBackWhenTheForkMayGoOn() {
        OutOfMemoryError heap = new OutOfMemoryError("Java heap space");
        recorder.testSetStarting("com.acme.HogTest");
        recorder.testStarting("com.acme.HogTest", "loadsAll");
        recorder.testEnded("com.acme.HogTest", "loadsAll", TestStatus.ERRORED, 5, heap);
        assertThat(types()).doesNotContain(EventType.RECOVERED);

        recorder.continueAfterMemoryError(true);
        recorder.testStarting("com.acme.HogTest", "loadsMore");
        recorder.testEnded("com.acme.HogTest", "loadsMore", TestStatus.ERRORED, 5, heap);
        recorder.testStarting("com.acme.HogTest", "leaksClasses");
        recorder.testEnded(
                "com.acme.HogTest", "leaksClasses", TestStatus.ERRORED, 5, new OutOfMemoryError("Metaspace"));

        assertThat(types())
                .endsWith(
                        EventType.TEST_START,
                        EventType.RECOVERED,
                        EventType.TEST_END,
                        EventType.TEST_START,
                        EventType.TEST_END)
                .filteredOn(type -> type == EventType.RECOVERED)
                .hasSize(1);
    }

    @Test
    void nestedClassesArePartOfTheOuterClassInFlight() {
        recorder.testSetStarting("com.acme.OuterTest");
        recorder.testStarting("com.acme.OuterTest", "outer");
        recorder.testEnded("com.acme.OuterTest", "outer", TestStatus.PASSED, 3, null);
        recorder.testSetStarting("com.acme.OuterTest"); // @Nested: Surefire names the outer class again
        recorder.testStarting("com.acme.OuterTest$Inner", "inner");
        recorder.testEnded("com.acme.OuterTest$Inner", "inner", TestStatus.FAILED, 4, new AssertionError("no"));
        recorder.testSetCompleted();
        assertThat(recorder.currentClass()).isEqualTo("com.acme.OuterTest");
        recorder.testStarting("com.acme.OuterTest", "afterNested");
        recorder.testEnded("com.acme.OuterTest", "afterNested", TestStatus.SKIPPED, 0, null);
        recorder.testSetCompleted();
        recorder.testSetStarting("com.acme.NextTest");
        recorder.testSetCompleted();

        assertThat(all(ClassStartEvent.class))
                .extracting(ClassStartEvent::className, ClassStartEvent::seq)
                .containsExactly(tuple("com.acme.OuterTest", 1), tuple("com.acme.NextTest", 2));
        List<ClassEndEvent> ends = all(ClassEndEvent.class);
        assertThat(ends)
                .extracting(
                        ClassEndEvent::className,
                        e -> e.counts().tests(),
                        e -> e.counts().failures(),
                        e -> e.counts().errors(),
                        e -> e.counts().skipped())
                .containsExactly(tuple("com.acme.OuterTest", 3, 1, 0, 1), tuple("com.acme.NextTest", 0, 0, 0, 0));
        assertThat(recorder.currentClass()).isNull();
    }

    @Test
    void aClassEndCarriesTheClassMeasurements() {
        recorder.testSetStarting("com.acme.HeavyTest");
        recorder.testSetCompleted();

        ClassEndEvent end = single(ClassEndEvent.class);
        assertThat(end.measures().get(MeasureField.HEAP_PEAK)).isPositive();
        assertThat(end.measures().poolPeaks()).isNotEmpty();
        assertThat(end.measures().get(MeasureField.MILLIS)).isNotNegative();
        assertThat(end.measures().get(MeasureField.THREADS_END)).isPositive();
        assertThat(end.measures().get(MeasureField.CLASSES_LOADED)).isPositive();
        assertThat(end.measures().get(MeasureField.RETAINED))
                .as("no forced collection unless asked")
                .isEqualTo(-1);
        assertThat(end.histogram()).isNull();
    }

    @Test
    void aTestThatEndsInOutOfMemoryErrorIsRecordedAsAMemoryError() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.testStarting("com.acme.ImportTest", "importsEverything");
        recorder.testEnded(
                "com.acme.ImportTest",
                "importsEverything",
                TestStatus.ERRORED,
                1200,
                new OutOfMemoryError("Java heap space"));

        TestEndEvent end = single(TestEndEvent.class);
        assertThat(end.method()).isEqualTo("importsEverything");
        assertThat(end.status()).isEqualTo(TestStatus.ERRORED);
        assertThat(end.millis()).isEqualTo(1200);
        assertThat(end.problem().throwable()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(end.problem().message()).isEqualTo("Java heap space");
    }

    @Test
    void anOutOfMemoryErrorWrappedAsACauseIsRecordedAsTheMemoryError() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.testEnded(
                "com.acme.ImportTest",
                "viaExecutor",
                TestStatus.ERRORED,
                5,
                new ExecutionException("task failed", new IllegalStateException(new OutOfMemoryError("Metaspace"))));
        recorder.testEnded(
                "com.acme.ImportTest",
                "viaReflection",
                TestStatus.ERRORED,
                5,
                new InternalError("lambda bootstrap failed", new OutOfMemoryError("Java heap space")));

        assertThat(all(TestEndEvent.class))
                .extracting(e -> e.problem().throwable(), e -> e.problem().message())
                .containsExactly(
                        tuple("java.lang.OutOfMemoryError", "Metaspace"),
                        tuple("java.lang.OutOfMemoryError", "Java heap space"));
    }

    @Test
    void aFailureThatIsNotAboutMemoryIsRecordedAsItIs() {
        recorder.testSetStarting("com.acme.DeepTest");
        recorder.testEnded(
                "com.acme.DeepTest",
                "recurses",
                TestStatus.ERRORED,
                5,
                new IllegalStateException("wrapped", new StackOverflowError()));
        recorder.testEnded("com.acme.DeepTest", "asserts", TestStatus.FAILED, 5, new AssertionError("expected 2"));

        assertThat(all(TestEndEvent.class))
                .extracting(e -> e.problem().throwable(), e -> e.problem().message())
                .containsExactly(
                        tuple("java.lang.IllegalStateException", "wrapped"),
                        tuple("java.lang.AssertionError", "expected 2"));
    }

    @Test
    void aFatalErrorNamesTheClassAndMethodInFlightWithTheMeasurementsSoFar() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.testStarting("com.acme.ImportTest", "importsEverything");

        recorder.fatal(new OutOfMemoryError("Java heap space"));

        ErrorEvent error = single(ErrorEvent.class);
        assertThat(error.className()).isEqualTo("com.acme.ImportTest");
        assertThat(error.method()).isEqualTo("importsEverything");
        assertThat(error.problem().throwable()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(error.problem().message()).isEqualTo("Java heap space");
        assertThat(error.measures().get(MeasureField.HEAP_PEAK)).isPositive();
        assertThat(error.measures().get(MeasureField.MILLIS)).isNotNegative();
    }

    @Test
    void aShutdownAfterTheRunEndedWritesNothing() {
        recorder.testSetStarting("com.acme.LastTest");
        recorder.runEnded();

        recorder.shutdown();

        assertThat(types()).containsExactly(EventType.CLASS_START, EventType.RUN_END);
    }

    @Test
    void aShutdownAfterAFatalErrorWritesNothingMore() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.fatal(new OutOfMemoryError("Java heap space"));

        recorder.shutdown();

        assertThat(types()).containsExactly(EventType.CLASS_START, EventType.ERROR);
    }

    @Test
    void aShutdownWhileNoClassRunsWritesNothing() {
        recorder.testSetStarting("com.acme.DoneTest");
        recorder.testSetCompleted();

        recorder.shutdown();

        assertThat(types()).containsExactly(EventType.CLASS_START, EventType.CLASS_END);
    }

    @Test
    void aShutdownWhileATestRunsNamesItWithTheMeasurementsSoFar() {
        recorder.testSetStarting("com.acme.LegacyCliTest");
        recorder.testStarting("com.acme.LegacyCliTest", "callsMain");

        recorder.shutdown();
        recorder.shutdown();

        ShutdownEvent shutdown = single(ShutdownEvent.class);
        assertThat(shutdown.className()).isEqualTo("com.acme.LegacyCliTest");
        assertThat(shutdown.method()).isEqualTo("callsMain");
        assertThat(shutdown.trigger()).as("nothing here is exiting").isEqualTo(ShutdownTrigger.UNKNOWN);
        assertThat(shutdown.measures().get(MeasureField.HEAP_PEAK)).isPositive();
    }

    @Test
    void nearLimitIsReportedOncePerClass() {
        recorder.testSetStarting("com.acme.FirstTest");
        recorder.testStarting("com.acme.FirstTest", "fills");
        recorder.nearLimit("G1 Old Gen", 900, 1000);
        recorder.nearLimit("G1 Old Gen", 950, 1000);
        recorder.testSetCompleted();
        recorder.testSetStarting("com.acme.SecondTest");
        recorder.nearLimit("G1 Old Gen", 990, 1000);

        assertThat(all(NearLimitEvent.class))
                .extracting(
                        NearLimitEvent::className, NearLimitEvent::method, NearLimitEvent::used, NearLimitEvent::max)
                .containsExactly(
                        tuple("com.acme.FirstTest", "fills", 900L, 1000L),
                        tuple("com.acme.SecondTest", null, 990L, 1000L));
    }

    @Test
    void aForkPastSavingIsJournaledWithTheClassAndTestInFlightAndTheMeasurementsSoFar() {
        recorder.testSetStarting("com.acme.CacheTest");
        recorder.testStarting("com.acme.CacheTest", "warmsEverything");

        boolean written = recorder.gcOverhead(new GcOverhead.Reading(10_000, 9_400, 1024, 251L << 20, 256L << 20));

        assertThat(written).isTrue();
        GcOverheadEvent crawl = single(GcOverheadEvent.class);
        assertThat(crawl.className()).isEqualTo("com.acme.CacheTest");
        assertThat(crawl.method()).isEqualTo("warmsEverything");
        assertThat(crawl.windowMillis()).isEqualTo(10_000);
        assertThat(crawl.gcMillis()).isEqualTo(9_400);
        assertThat(crawl.collections()).isEqualTo(1024);
        assertThat(crawl.leastLive()).isEqualTo(251L << 20);
        assertThat(crawl.maxHeap()).isEqualTo(256L << 20);
        assertThat(crawl.measures().get(MeasureField.HEAP_PEAK)).isPositive();
        // the fork is the plugin's to stop: the class goes on and ends as any other
        recorder.testSetCompleted();
        assertThat(types())
                .containsExactly(
                        EventType.CLASS_START, EventType.TEST_START, EventType.GC_OVERHEAD, EventType.CLASS_END);
    }

    @Test
    void theForkLineDescribesThisJvm() {
        recorder.forkStarted(
                new ClassMeter(new ProcStatus(), new GcWatcher(), false),
                true,
                List.of("G1 Young Generation", "G1 Old Generation"),
                false);
        recorder.plan(List.of("com.acme.ATest", "com.acme.BTest"));

        ForkEvent fork = single(ForkEvent.class);
        assertThat(fork.format()).isEqualTo(Journal.FORMAT);
        assertThat(fork.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(fork.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(fork.maxHeap())
                .isEqualTo(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
        assertThat(fork.collectors()).containsExactly("G1 Young Generation", "G1 Old Generation");
        assertThat(fork.rssResettable()).isTrue();
        assertThat(fork.parallelForcedOff()).isFalse();
        assertThat(fork.jvmStart())
                .isEqualTo(ManagementFactory.getRuntimeMXBean().getStartTime());
        assertThat(single(PlanEvent.class).classes()).containsExactly("com.acme.ATest", "com.acme.BTest");
    }

    @Test
    void metersStartingOnTheirOwnThreadHoldThePlanBackSoThatTheForkLineComesFirst() {
        RunRecorder late = new RunRecorder(journal, Set.of(), 10);
        late.startMeasuring(() -> {
            sleep(300);
            late.forkStarted(new ClassMeter(new ProcStatus(), new GcWatcher(), false), true, List.of(), false);
        });

        late.plan(List.of("com.acme.ATest"));
        late.testSetStarting("com.acme.ATest");
        late.testStarting("com.acme.ATest", "works");
        late.testEnded("com.acme.ATest", "works", TestStatus.PASSED, 1, null);
        late.testSetCompleted();

        // the memory sampler starts with the meters, with a first sample: its lines come any time after the fork line
        assertThat(types()).startsWith(EventType.FORK, EventType.MEMORY);
        assertThat(types().stream().filter(t -> t != EventType.MEMORY))
                .containsExactly(
                        EventType.FORK,
                        EventType.PLAN,
                        EventType.CLASS_START,
                        EventType.TEST_START,
                        EventType.TEST_END,
                        EventType.CLASS_END);
        assertThat(single(ClassEndEvent.class).measures().get(MeasureField.HEAP_PEAK))
                .isPositive();
    }

    @Test
    void metersThatCannotStartLeaveTheClassesJournaledWithoutNumbers() {
        RunRecorder unmeasured = new RunRecorder(journal, Set.of("com.acme.ATest"), 10);
        unmeasured.startMeasuring(() -> {
            throw new IllegalStateException("no management beans here");
        });

        unmeasured.plan(List.of("com.acme.ATest"));
        unmeasured.testSetStarting("com.acme.ATest");
        unmeasured.testStarting("com.acme.ATest", "works");
        unmeasured.testEnded("com.acme.ATest", "works", TestStatus.FAILED, 1, new AssertionError("expected"));
        unmeasured.testSetCompleted();

        ClassEndEvent end = single(ClassEndEvent.class);
        assertThat(end.className()).isEqualTo("com.acme.ATest");
        assertThat(end.counts().tests()).isEqualTo(1);
        assertThat(end.counts().failures()).isEqualTo(1);
        assertThat(end.measures().get(MeasureField.HEAP_PEAK)).isEqualTo(-1);
        assertThat(end.histogram()).isNull();
        assertThat(types()).doesNotContain(EventType.FORK);
    }

    @Test
    void findsItsProcessIdWithoutTheHostName() {
        assertThat(ThisJvm.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<JournalEvent> events() {
        JournalContents contents = JournalTail.read(file);
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.tornLines()).isZero();
        return contents.events();
    }

    private List<EventType> types() {
        return events().stream().map(JournalEvent::type).toList();
    }

    private <T extends JournalEvent> List<T> all(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends JournalEvent> T single(Class<T> type) {
        List<T> matching = all(type);
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
