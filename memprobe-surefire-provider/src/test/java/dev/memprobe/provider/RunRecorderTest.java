package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.memprobe.journal.Journal;
import dev.memprobe.journal.JournalEntry;
import dev.memprobe.journal.JournalReader;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.ProcStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        byte[][] reserve = RunRecorder.newReserve();

        // G1's smallest region is 1 MiB; an array of half a region or more is humongous and takes whole regions
        assertThat(Arrays.stream(reserve).mapToInt(chunk -> chunk.length)).allMatch(length -> length < 512 * 1024);
        assertThat(Arrays.stream(reserve).mapToInt(chunk -> chunk.length).sum()).isEqualTo(1 << 20);
    }

    @Test
    void aClassAbandonedAfterAMemoryErrorEndsWithItAndTheRestOfThePlanIsWhatDidNotStart() {
        recorder.plan(List.of("com.acme.ATest", "com.acme.HogTest", "com.acme.CTest", "com.acme.DTest"));
        recorder.testSetStarting("com.acme.ATest");
        recorder.testSetCompleted();
        recorder.testSetStarting("com.acme.HogTest");
        recorder.testStarting("com.acme.HogTest", "small");
        recorder.testEnded("com.acme.HogTest", "small", Journal.PASSED, 1, null);
        recorder.testStarting("com.acme.HogTest", "loadsAll");
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        // this test JVM's heap is far from half full: it counts as given back
        assertThat(recorder.recover("com.acme.HogTest")).isTrue();
        recorder.abandonInFlight(error);

        assertThat(recorder.currentClass()).isNull();
        assertThat(recorder.notStarted()).containsExactly("com.acme.CTest", "com.acme.DTest");
        List<JournalEntry> entries = entries();
        JournalEntry recovered = entries.get(entries.size() - 3);
        assertThat(recovered.event()).isEqualTo(Journal.RECOVERED);
        assertThat(recovered.string(Journal.CLASS)).isEqualTo("com.acme.HogTest");
        assertThat(recovered.number(Journal.USED, -1))
                .isPositive()
                .isLessThanOrEqualTo(recovered.number(Journal.MAX, -1) / 2);
        JournalEntry failed = entries.get(entries.size() - 2);
        assertThat(failed.event()).isEqualTo(Journal.TEST_END);
        assertThat(failed.string(Journal.METHOD)).isEqualTo("loadsAll");
        assertThat(failed.string(Journal.STATUS)).isEqualTo(Journal.ERRORED);
        assertThat(failed.string(Journal.THROWABLE)).isEqualTo("java.lang.OutOfMemoryError");
        JournalEntry end = entries.get(entries.size() - 1);
        assertThat(end.event()).isEqualTo(Journal.CLASS_END);
        assertThat(end.string(Journal.CLASS)).isEqualTo("com.acme.HogTest");
        assertThat(end.number(Journal.TESTS, -1)).isEqualTo(2);
        assertThat(end.number(Journal.ERRORS, -1)).isEqualTo(1);
    }

    @Test
    void aMemoryErrorTheFrameworkReportsAsAFailedTestSaysWhetherTheHeapIsBackWhenTheForkMayGoOn() {
        OutOfMemoryError heap = new OutOfMemoryError("Java heap space");
        recorder.testSetStarting("com.acme.HogTest");
        recorder.testStarting("com.acme.HogTest", "loadsAll");
        recorder.testEnded("com.acme.HogTest", "loadsAll", Journal.ERRORED, 5, heap);
        assertThat(entries()).noneMatch(e -> e.is(Journal.RECOVERED));

        recorder.continueAfterMemoryError(true);
        recorder.testStarting("com.acme.HogTest", "loadsMore");
        recorder.testEnded("com.acme.HogTest", "loadsMore", Journal.ERRORED, 5, heap);
        recorder.testStarting("com.acme.HogTest", "leaksClasses");
        recorder.testEnded("com.acme.HogTest", "leaksClasses", Journal.ERRORED, 5, new OutOfMemoryError("Metaspace"));

        List<JournalEntry> entries = entries();
        assertThat(entries)
                .extracting(JournalEntry::event)
                .endsWith(
                        Journal.TEST_START, Journal.RECOVERED, Journal.TEST_END, Journal.TEST_START, Journal.TEST_END);
        assertThat(entries).filteredOn(e -> e.is(Journal.RECOVERED)).hasSize(1);
    }

    @Test
    void onlyAnOutOfMemoryErrorOfTheHeapLetsTheForkGoOn() {
        assertThat(RunRecorder.heapError(new OutOfMemoryError("Java heap space")))
                .isTrue();
        assertThat(RunRecorder.heapError(new OutOfMemoryError("GC overhead limit exceeded")))
                .isTrue();
        assertThat(RunRecorder.heapError(new RuntimeException("wrapped", new OutOfMemoryError("Java heap space"))))
                .isTrue();
        assertThat(RunRecorder.heapError(new OutOfMemoryError("Metaspace"))).isFalse();
        assertThat(RunRecorder.heapError(new OutOfMemoryError("Direct buffer memory")))
                .isFalse();
        assertThat(RunRecorder.heapError(
                        new OutOfMemoryError("unable to create native thread: possibly out of memory")))
                .isFalse();
        assertThat(RunRecorder.heapError(new StackOverflowError())).isFalse();
    }

    @Test
    void nestedClassesArePartOfTheOuterClassInFlight() {
        recorder.testSetStarting("com.acme.OuterTest");
        recorder.testStarting("com.acme.OuterTest", "outer");
        recorder.testEnded("com.acme.OuterTest", "outer", Journal.PASSED, 3, null);
        recorder.testSetStarting("com.acme.OuterTest"); // @Nested: Surefire names the outer class again
        recorder.testStarting("com.acme.OuterTest$Inner", "inner");
        recorder.testEnded("com.acme.OuterTest$Inner", "inner", Journal.FAILED, 4, new AssertionError("no"));
        recorder.testSetCompleted();
        assertThat(recorder.currentClass()).isEqualTo("com.acme.OuterTest");
        recorder.testStarting("com.acme.OuterTest", "afterNested");
        recorder.testEnded("com.acme.OuterTest", "afterNested", Journal.SKIPPED, 0, null);
        recorder.testSetCompleted();
        recorder.testSetStarting("com.acme.NextTest");
        recorder.testSetCompleted();

        List<JournalEntry> entries = entries();
        assertThat(entries)
                .filteredOn(e -> e.is(Journal.CLASS_START))
                .extracting(e -> e.string(Journal.CLASS), e -> e.number(Journal.SEQ, -1))
                .containsExactly(tuple("com.acme.OuterTest", 1L), tuple("com.acme.NextTest", 2L));
        List<JournalEntry> ends =
                entries.stream().filter(e -> e.is(Journal.CLASS_END)).toList();
        assertThat(ends).hasSize(2);
        JournalEntry outer = ends.get(0);
        assertThat(outer.string(Journal.CLASS)).isEqualTo("com.acme.OuterTest");
        assertThat(outer.number(Journal.TESTS, -1)).isEqualTo(3);
        assertThat(outer.number(Journal.FAILURES, -1)).isEqualTo(1);
        assertThat(outer.number(Journal.ERRORS, -1)).isZero();
        assertThat(outer.number(Journal.SKIPS, -1)).isEqualTo(1);
        assertThat(ends.get(1).number(Journal.TESTS, -1)).isZero();
        assertThat(recorder.currentClass()).isNull();
    }

    @Test
    void aClassEndCarriesTheClassMeasurements() {
        recorder.testSetStarting("com.acme.HeavyTest");
        recorder.testSetCompleted();

        JournalEntry end = single(Journal.CLASS_END);
        assertThat(end.number(Journal.HEAP_PEAK, -1)).isPositive();
        assertThat(end.map(Journal.POOL_PEAKS)).isNotEmpty();
        assertThat(end.number(Journal.MILLIS, -1)).isNotNegative();
        assertThat(end.number(Journal.THREADS_END, -1)).isPositive();
        assertThat(end.number(Journal.CLASSES_LOADED, -1)).isPositive();
        assertThat(end.has(Journal.RETAINED))
                .as("no forced collection unless asked")
                .isFalse();
    }

    @Test
    void aTestThatEndsInOutOfMemoryErrorIsRecordedAsAMemoryError() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.testStarting("com.acme.ImportTest", "importsEverything");
        recorder.testEnded(
                "com.acme.ImportTest",
                "importsEverything",
                Journal.ERRORED,
                1200,
                new OutOfMemoryError("Java heap space"));

        JournalEntry end = single(Journal.TEST_END);
        assertThat(end.string(Journal.METHOD)).isEqualTo("importsEverything");
        assertThat(end.string(Journal.STATUS)).isEqualTo(Journal.ERRORED);
        assertThat(end.number(Journal.MILLIS, -1)).isEqualTo(1200);
        assertThat(end.string(Journal.THROWABLE)).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(end.string(Journal.MESSAGE)).isEqualTo("Java heap space");
    }

    @Test
    void anOutOfMemoryErrorWrappedAsACauseIsRecordedAsTheMemoryError() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.testEnded(
                "com.acme.ImportTest",
                "viaExecutor",
                Journal.ERRORED,
                5,
                new ExecutionException("task failed", new IllegalStateException(new OutOfMemoryError("Metaspace"))));
        recorder.testEnded(
                "com.acme.ImportTest",
                "viaReflection",
                Journal.ERRORED,
                5,
                new InternalError("lambda bootstrap failed", new OutOfMemoryError("Java heap space")));

        assertThat(entries())
                .filteredOn(e -> e.is(Journal.TEST_END))
                .extracting(e -> e.string(Journal.THROWABLE), e -> e.string(Journal.MESSAGE))
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
                Journal.ERRORED,
                5,
                new IllegalStateException("wrapped", new StackOverflowError()));
        recorder.testEnded("com.acme.DeepTest", "asserts", Journal.FAILED, 5, new AssertionError("expected 2"));

        assertThat(entries())
                .filteredOn(e -> e.is(Journal.TEST_END))
                .extracting(e -> e.string(Journal.THROWABLE), e -> e.string(Journal.MESSAGE))
                .containsExactly(
                        tuple("java.lang.IllegalStateException", "wrapped"),
                        tuple("java.lang.AssertionError", "expected 2"));
        assertThat(RunRecorder.memoryError(new IllegalStateException(new StackOverflowError())))
                .isNull();
    }

    @Test
    void anOutOfMemoryErrorSwallowedByAClassInitializerIsFoundInTheCauseMessage() {
        Throwable noClass =
                new NoClassDefFoundError("Could not initialize class org.junit.platform.commons.util.ExceptionUtils");
        noClass.initCause(new ExceptionInInitializerError(
                "Exception java.lang.OutOfMemoryError: Java heap space [in thread \"main\"]"));

        assertThat(RunRecorder.memoryError(noClass)).containsExactly("java.lang.OutOfMemoryError", "Java heap space");
        assertThat(RunRecorder.memoryError(new NoClassDefFoundError("Could not initialize class a.B")))
                .isNull();
    }

    @Test
    void aCauseChainWithACycleEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(RunRecorder.memoryError(a)).isNull();
    }

    @Test
    void aFatalErrorNamesTheClassAndMethodInFlightWithTheMeasurementsSoFar() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.testStarting("com.acme.ImportTest", "importsEverything");

        recorder.fatal(new OutOfMemoryError("Java heap space"));

        JournalEntry error = single(Journal.ERROR);
        assertThat(error.string(Journal.CLASS)).isEqualTo("com.acme.ImportTest");
        assertThat(error.string(Journal.METHOD)).isEqualTo("importsEverything");
        assertThat(error.string(Journal.THROWABLE)).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(error.string(Journal.MESSAGE)).isEqualTo("Java heap space");
        JournalEntry measure = error.nested(Journal.MEASURE);
        assertThat(measure.number(Journal.HEAP_PEAK, -1)).isPositive();
        assertThat(measure.number(Journal.MILLIS, -1)).isNotNegative();
    }

    @Test
    void aShutdownAfterTheRunEndedWritesNothing() {
        recorder.testSetStarting("com.acme.LastTest");
        recorder.runEnded();

        recorder.shutdown();

        assertThat(entries()).extracting(JournalEntry::event).containsExactly(Journal.CLASS_START, Journal.RUN_END);
    }

    @Test
    void aShutdownAfterAFatalErrorWritesNothingMore() {
        recorder.testSetStarting("com.acme.ImportTest");
        recorder.fatal(new OutOfMemoryError("Java heap space"));

        recorder.shutdown();

        assertThat(entries()).extracting(JournalEntry::event).containsExactly(Journal.CLASS_START, Journal.ERROR);
    }

    @Test
    void aShutdownWhileNoClassRunsWritesNothing() {
        recorder.testSetStarting("com.acme.DoneTest");
        recorder.testSetCompleted();

        recorder.shutdown();

        assertThat(entries()).extracting(JournalEntry::event).containsExactly(Journal.CLASS_START, Journal.CLASS_END);
    }

    @Test
    void aShutdownWhileATestRunsNamesItWithTheMeasurementsSoFar() {
        recorder.testSetStarting("com.acme.LegacyCliTest");
        recorder.testStarting("com.acme.LegacyCliTest", "callsMain");

        recorder.shutdown();
        recorder.shutdown();

        JournalEntry shutdown = single(Journal.SHUTDOWN);
        assertThat(shutdown.string(Journal.CLASS)).isEqualTo("com.acme.LegacyCliTest");
        assertThat(shutdown.string(Journal.METHOD)).isEqualTo("callsMain");
        assertThat(shutdown.string(Journal.TRIGGER))
                .as("nothing here is exiting")
                .isEqualTo("unknown");
        assertThat(shutdown.nested(Journal.MEASURE).number(Journal.HEAP_PEAK, -1))
                .isPositive();
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

        assertThat(entries())
                .filteredOn(e -> e.is(Journal.NEAR_LIMIT))
                .extracting(
                        e -> e.string(Journal.CLASS),
                        e -> e.string(Journal.METHOD),
                        e -> e.number(Journal.USED, -1),
                        e -> e.number(Journal.MAX, -1))
                .containsExactly(
                        tuple("com.acme.FirstTest", "fills", 900L, 1000L),
                        tuple("com.acme.SecondTest", null, 990L, 1000L));
    }

    @Test
    void theForkLineDescribesThisJvm() {
        recorder.forkStarted(
                new ClassMeter(new ProcStatus(), new GcWatcher(), false),
                true,
                List.of("G1 Young Generation", "G1 Old Generation"),
                false);
        recorder.plan(List.of("com.acme.ATest", "com.acme.BTest"));

        JournalEntry fork = single(Journal.FORK);
        assertThat(fork.number(Journal.FORMAT_VERSION, -1)).isEqualTo(Journal.FORMAT);
        assertThat(fork.number(Journal.PID, -1))
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(fork.string(Journal.JAVA_VERSION)).isEqualTo(System.getProperty("java.version"));
        assertThat(fork.number(Journal.MAX_HEAP, -1))
                .isEqualTo(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
        assertThat(fork.list(Journal.GCS)).containsExactly("G1 Young Generation", "G1 Old Generation");
        assertThat(fork.flag(Journal.RSS_RESET)).isTrue();
        assertThat(fork.has("parallelForcedOff")).isFalse();
        assertThat(single(Journal.PLAN).list(Journal.CLASSES)).containsExactly("com.acme.ATest", "com.acme.BTest");
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
        late.testEnded("com.acme.ATest", "works", Journal.PASSED, 1, null);
        late.testSetCompleted();

        assertThat(entries())
                .extracting(JournalEntry::event)
                .containsExactly(
                        Journal.FORK,
                        Journal.PLAN,
                        Journal.CLASS_START,
                        Journal.TEST_START,
                        Journal.TEST_END,
                        Journal.CLASS_END);
        assertThat(single(Journal.CLASS_END).number(Journal.HEAP_PEAK, -1)).isPositive();
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
        unmeasured.testEnded("com.acme.ATest", "works", Journal.FAILED, 1, new AssertionError("expected"));
        unmeasured.testSetCompleted();

        JournalEntry end = single(Journal.CLASS_END);
        assertThat(end.string(Journal.CLASS)).isEqualTo("com.acme.ATest");
        assertThat(end.number(Journal.TESTS, -1)).isEqualTo(1);
        assertThat(end.number(Journal.FAILURES, -1)).isEqualTo(1);
        assertThat(end.has(Journal.HEAP_PEAK)).isFalse();
        assertThat(end.has(Journal.HISTOGRAM)).isFalse();
        assertThat(entries()).noneMatch(e -> e.is(Journal.FORK));
    }

    @Test
    void findsItsProcessIdWithoutTheHostName() {
        assertThat(RunRecorder.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<JournalEntry> entries() {
        JournalReader.Contents contents = JournalReader.read(file);
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.tornLines()).isZero();
        return contents.entries();
    }

    private JournalEntry single(String event) {
        List<JournalEntry> matching =
                entries().stream().filter(e -> e.is(event)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
