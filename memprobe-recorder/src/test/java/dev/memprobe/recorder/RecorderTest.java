package dev.memprobe.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.GcOverheadEvent;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.MeasureField;
import dev.memprobe.journal.TestStatus;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcOverhead;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.ProcStatus;
import dev.memprobe.recorder.Recorder.Source;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder with a real journal file and real measurements of this JVM. */
class RecorderTest {

    @TempDir
    Path folder;

    @Test
    void journalsAClassWithItsTestsAndItsMeasurements() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.plan(Source.PLATFORM, List.of("a.ATest", "a.BTest"));
        recorder.classStarted(Source.PLATFORM, "a.ATest");
        recorder.testStarted(Source.PLATFORM, "a.ATest", "one");
        recorder.testFinished(Source.PLATFORM, "a.ATest", "one", TestStatus.PASSED, null);
        recorder.testStarted(Source.PLATFORM, "a.ATest", "two");
        recorder.testFinished(Source.PLATFORM, "a.ATest", "two", TestStatus.FAILED, new AssertionError("no"));
        recorder.classFinished(Source.PLATFORM, "a.ATest");

        assertThat(Journals.lines(folder))
                .containsExactly(
                        "plan [a.ATest, a.BTest]",
                        "class-start ATest",
                        "test-end ATest#two FAILED java.lang.AssertionError",
                        "class-end ATest 2 tests");
        ClassEndEvent end = (ClassEndEvent) Journals.events(folder).get(3);
        assertThat(end.measures().get(MeasureField.HEAP_PEAK)).isPositive();
        assertThat(end.counts().failures()).isEqualTo(1);
    }

    @Test
    void theTestInFlightIsKeptBesideTheJournalAndAPassedTestWritesNoLine() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        recorder.classStarted(Source.PLATFORM, "a.ATest");
        recorder.testStarted(Source.PLATFORM, "a.ATest", "one");

        assertThat(Journals.lines(folder)).containsExactly("class-start ATest", "test-start ATest#one");
        assertThat(Journals.journalLines(folder)).containsExactly("class-start ATest");

        recorder.testFinished(Source.PLATFORM, "a.ATest", null, TestStatus.PASSED, null);
        assertThat(Journals.lines(folder)).containsExactly("class-start ATest");

        recorder.testStarted(Source.PLATFORM, "a.ATest", "twö ".repeat(1_000));
        recorder.testFinished(
                Source.PLATFORM, "a.ATest", "twö ".repeat(1_000), TestStatus.FAILED, new AssertionError());
        recorder.testStarted(Source.PLATFORM, "a.ATest", "three");
        assertThat(Journals.lines(folder)).hasSize(3).endsWith("test-start ATest#three");
        assertThat(Journals.lines(folder).get(1))
                .startsWith("test-end ATest#twö twö ")
                .endsWith(" FAILED java.lang.AssertionError");

        // a name longer than the file's room is cut at a character
        recorder.testFinished(Source.PLATFORM, "a.ATest", "three", TestStatus.PASSED, null);
        recorder.testStarted(Source.PLATFORM, "a.ATest", "ö".repeat(3_000));
        String kept = Journals.lines(folder).get(2);
        assertThat(kept).startsWith("test-start ATest#öö").doesNotContain("\uFFFD");
        assertThat(kept.length()).isLessThan("test-start ATest#".length() + 3_000);

        recorder.classFinished(Source.PLATFORM, "a.ATest");
        assertThat(Journals.lines(folder)).last().isEqualTo("class-end ATest 3 tests");
        assertThat(Journals.lines(folder)).noneMatch(line -> line.startsWith("test-start"));
    }

    @Test
    void withoutTheFileBesideTheJournalEveryTestIsALine() throws Exception {
        File file = folder.resolve("fork1-pid1-1.jsonl").toFile();
        Recorder recorder = new Recorder(
                JournalWriter.open(file), null, new Meters(new ClassMeter(new ProcStatus(), new GcWatcher(), false)));
        recorder.classStarted(Source.PLATFORM, "a.ATest");
        recorder.testStarted(Source.PLATFORM, "a.ATest", "one");
        recorder.testFinished(Source.PLATFORM, "a.ATest", "one", TestStatus.PASSED, null);
        recorder.testStarted(Source.PLATFORM, "a.ATest", "two");

        assertThat(Journals.lines(folder))
                .containsExactly(
                        "class-start ATest",
                        "test-start ATest#one",
                        "test-end ATest#one PASSED",
                        "test-start ATest#two");
    }

    @Test
    void aForkPastSavingIsJournaledWithTheClassInFlightAndGoesOn() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        recorder.classStarted(Source.PLATFORM, "a.CrawlTest");
        recorder.testStarted(Source.PLATFORM, "a.CrawlTest", "fills");

        boolean written = recorder.gcOverhead(new GcOverhead.Reading(10_000, 9_400, 1_024, 60L << 20, 64L << 20));
        recorder.testFinished(Source.PLATFORM, "a.CrawlTest", "fills", TestStatus.PASSED, null);
        recorder.classFinished(Source.PLATFORM, "a.CrawlTest");

        assertThat(written).isTrue();
        assertThat(Journals.lines(folder))
                .containsExactly("class-start CrawlTest", "gc-overhead CrawlTest#fills", "class-end CrawlTest 1 tests");
        GcOverheadEvent crawl = (GcOverheadEvent) Journals.events(folder).get(1);
        assertThat(crawl.gcMillis()).isEqualTo(9_400);
        assertThat(crawl.windowMillis()).isEqualTo(10_000);
        assertThat(crawl.leastLive()).isEqualTo(60L << 20);
        assertThat(crawl.maxHeap()).isEqualTo(64L << 20);
    }

    @Test
    void aClassStartedAgainInsideItselfIsPartOfTheClassInFlight() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.classStarted(Source.JUNIT4, "a.SuiteTest");
        recorder.classStarted(Source.JUNIT4, "a.SuiteTest");
        recorder.classFinished(Source.JUNIT4, "a.SuiteTest");
        assertThat(recorder.classesInFlight()).containsExactly("a.SuiteTest");
        recorder.classFinished(Source.JUNIT4, "a.SuiteTest");

        assertThat(Journals.lines(folder)).containsExactly("class-start SuiteTest", "class-end SuiteTest 0 tests");
    }

    @Test
    void onlyTheFirstFrameworkToSpeakIsJournaled() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.runStarted(Source.PLATFORM);
        recorder.classStarted(Source.TESTNG, "a.ATest");
        recorder.classStarted(Source.PLATFORM, "a.ATest");
        recorder.testStarted(Source.TESTNG, "a.ATest", "one");
        recorder.classFinished(Source.TESTNG, "a.ATest");

        assertThat(Journals.lines(folder)).containsExactly("class-start ATest");
    }

    @Test
    void theJUnitPlatformsSessionSpeaksForTheForkBeforeAnyFrameworkIsHeard() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.platformSession();
        recorder.runStarted(Source.TESTNG);
        recorder.classStarted(Source.TESTNG, "a.ATest");
        recorder.classStarted(Source.PLATFORM, "a.ATest");
        recorder.classFinished(Source.TESTNG, "a.ATest");
        recorder.classFinished(Source.PLATFORM, "a.ATest");

        assertThat(Journals.lines(folder)).containsExactly("class-start ATest", "class-end ATest 0 tests");
    }

    @Test
    void aTestThatRanOutOfMemoryCarriesTheError() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.classStarted(Source.JUNIT4, "a.HogTest");
        recorder.testStarted(Source.JUNIT4, "a.HogTest", "fill");
        recorder.testFinished(
                Source.JUNIT4, "a.HogTest", "fill", TestStatus.ERRORED, new OutOfMemoryError("Java heap space"));

        assertThat(Journals.lines(folder)).endsWith("test-end HogTest#fill ERRORED java.lang.OutOfMemoryError");
    }

    @Test
    void theShutdownOfAJvmWithAClassInFlightNamesIt() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.classStarted(Source.PLATFORM, "a.ATest");
        recorder.classStarted(Source.PLATFORM, "a.DyingTest");
        recorder.testStarted(Source.PLATFORM, "a.DyingTest", "dies");
        recorder.shutdown();
        recorder.classFinished(Source.PLATFORM, "a.DyingTest");

        List<String> lines = Journals.lines(folder);
        assertThat(lines.get(lines.size() - 1)).startsWith("shutdown ").endsWith(" DyingTest#dies");
        assertThat(lines).noneMatch(line -> line.startsWith("class-end"));
    }

    @Test
    void theShutdownOfAJvmWhoseFrameworkFinishedIsTheRunsEnd() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.runStarted(Source.PLATFORM);
        recorder.classStarted(Source.PLATFORM, "a.ATest");
        recorder.classFinished(Source.PLATFORM, "a.ATest");
        recorder.runFinished(Source.PLATFORM);
        recorder.shutdown();

        assertThat(Journals.lines(folder)).endsWith("run-end 1");
    }

    @Test
    void theShutdownOfAJvmWhoseFrameworkDidNotFinishIsNoRunEnd() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.runStarted(Source.TESTNG);
        recorder.shutdown();

        assertThat(Journals.lines(folder))
                .singleElement()
                .asString()
                .startsWith("shutdown ")
                .endsWith(" null#null");
    }

    @Test
    void aJvmWithoutTheRecordFolderRecordsNothing() {
        assertThat(System.getProperty(RecordOptions.DIR)).isNull();

        assertThat(Recorder.get().on()).isFalse();
        Recorder.get().classStarted(Source.PLATFORM, "a.ATest");
        assertThat(Recorder.get().classesInFlight()).isEmpty();
    }

    @Test
    void aNearLimitWarningNamesTheClassInFlightOnce() throws Exception {
        Recorder recorder = Journals.recorder(folder);

        recorder.classStarted(Source.PLATFORM, "a.HogTest");
        recorder.nearLimit("G1 Old Gen", 90, 100);
        recorder.nearLimit("G1 Old Gen", 95, 100);

        List<JournalEvent> events = Journals.events(folder);
        assertThat(Journals.lines(folder)).containsExactly("class-start HogTest", "near-limit a.HogTest");
        assertThat(events).hasSize(2);
    }
}
