package dev.memprobe.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.EventType;
import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkWatcherTest {

    private static final long PID = 4242;
    private static final String OOM_END = "{\"event\":\"test-end\",\"class\":\"a.HogTest\",\"method\":\"loads\","
            + "\"status\":\"error\",\"throwable\":\"java.lang.OutOfMemoryError\",\"message\":\"Java heap space\"}";

    @TempDir
    Path folder;

    private Path journal;
    private final List<Long> killed = new ArrayList<>();
    private final List<Long> terminated = new ArrayList<>();
    private long nanos;
    private ForkWatcher watcher;

    @BeforeEach
    void startFork() throws IOException {
        journal = folder.resolve("journal.jsonl");
        watcher = new ForkWatcher(
                journal, -1, null, Duration.ofSeconds(10), true, true, new RecordingControl(), pid -> {}, () -> nanos);
        append(
                "{\"event\":\"fork\",\"pid\":" + PID + "}",
                "{\"event\":\"class-start\",\"class\":\"a.HogTest\",\"seq\":1}",
                "{\"event\":\"test-start\",\"class\":\"a.HogTest\",\"method\":\"loads\"}");
        watcher.poll();
    }

    @Test
    void waitsForTheClassMeasurementsBeforeStoppingAForkWhoseTestFailedOfMemory() throws IOException {
        append(OOM_END);
        watcher.poll();
        assertThat(killed)
                .as("the class-end with the hog's own numbers is still to come")
                .isEmpty();
        assertThat(watcher.action()).isInstanceOf(ForkEnd.NoAction.class);

        append("{\"event\":\"class-end\",\"class\":\"a.HogTest\",\"seq\":1,\"heapPeak\":1}");
        watcher.poll();

        assertThat(killed).containsExactly(PID);
        assertThat(watcher.action()).isEqualTo(new ForkEnd.StoppedAfterMemoryError("a.HogTest"));
    }

    @Test
    void stopsAtTheErrorRecordOfAFrameworkThatGivesUp() throws IOException {
        append(OOM_END, "{\"event\":\"error\",\"class\":\"a.HogTest\",\"measure\":{\"heapPeak\":1}}");
        watcher.poll();

        assertThat(killed).containsExactly(PID);
    }

    @Test
    void stopsAfterTheWaitWhenTheMeasurementsNeverCome() throws IOException {
        append(OOM_END);
        watcher.poll();
        nanos += ForkWatcher.MEASUREMENT_WAIT.toNanos() - 1_000_000;
        watcher.poll();
        assertThat(killed).isEmpty();

        nanos += 1_000_000;
        watcher.poll();

        assertThat(killed).containsExactly(PID);
        assertThat(watcher.action()).isEqualTo(new ForkEnd.StoppedAfterMemoryError("a.HogTest"));
    }

    private static final String GC_OVERHEAD = "{\"event\":\"gc-overhead\",\"class\":\"a.HogTest\","
            + "\"method\":\"loads\",\"windowMs\":10000,\"gcMs\":9400,\"collections\":1024,\"used\":900,"
            + "\"max\":1000}";

    @Test
    void stopsAForkPastSavingAtOnceWithTheNumbersOfItsLine() throws IOException {
        append(GC_OVERHEAD);
        watcher.poll();

        assertThat(killed).containsExactly(PID);
        assertThat(watcher.action())
                .isEqualTo(new ForkEnd.StoppedOnGcOverhead("a.HogTest", "loads", 10_000, 9_400, 1024, 900, 1000));
    }

    @Test
    void letsAForkPastSavingGoOnWhenTheUserOptedOut() throws IOException {
        ForkWatcher optedOut = new ForkWatcher(
                journal, -1, null, Duration.ofSeconds(10), true, false, new RecordingControl(), pid -> {}, () -> nanos);
        append(GC_OVERHEAD);
        optedOut.poll();

        assertThat(killed).isEmpty();
        assertThat(optedOut.action()).isInstanceOf(ForkEnd.NoAction.class);
    }

    @Test
    void aTestThatFailedOfMemoryBeforeTheForkWasPastSavingKeepsItsOwnStop() throws IOException {
        append(OOM_END, GC_OVERHEAD);
        watcher.poll();
        assertThat(killed).isEmpty();

        append("{\"event\":\"class-end\",\"class\":\"a.HogTest\",\"seq\":1,\"heapPeak\":1}");
        watcher.poll();

        assertThat(killed).containsExactly(PID);
        assertThat(watcher.action()).isEqualTo(new ForkEnd.StoppedAfterMemoryError("a.HogTest"));
    }

    @Test
    void theTimeTheForkSpentWritingHeapDumpsDoesNotCountTowardsItsTimeout() throws IOException {
        ForkWatcher timed = new ForkWatcher(
                journal,
                -1,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                true,
                true,
                new RecordingControl(),
                pid -> {},
                () -> nanos);
        timed.poll();
        append("{\"event\":\"heap-dump\",\"class\":\"a.HogTest\",\"phase\":\"end\",\"file\":\"/tmp/1.hprof\","
                + "\"bytes\":100,\"ms\":5000}");
        nanos += Duration.ofSeconds(34).toNanos();
        timed.poll();
        assertThat(terminated).as("34 s, 5 of them writing a dump").isEmpty();

        nanos += Duration.ofSeconds(2).toNanos();
        timed.poll();

        assertThat(terminated).containsExactly(PID);
        assertThat(timed.action()).isEqualTo(new ForkEnd.TimedOut(30_000, false));
    }

    @Test
    void letsAForkGoOnWhenATestFailedOfSomethingElse() throws IOException {
        append(
                "{\"event\":\"test-end\",\"class\":\"a.HogTest\",\"method\":\"loads\",\"status\":\"failed\","
                        + "\"throwable\":\"org.opentest4j.AssertionFailedError\",\"message\":\"expected 1\"}",
                "{\"event\":\"class-end\",\"class\":\"a.HogTest\",\"seq\":1}");
        nanos += Duration.ofMinutes(1).toNanos();
        watcher.poll();

        assertThat(killed).isEmpty();
        assertThat(watcher.action()).isInstanceOf(ForkEnd.NoAction.class);
    }

    @Test
    void theJournalReadWhileTheForkRanIsReadToItsEndOnceItEnded() throws IOException {
        append(OOM_END, "{\"event\":\"class-end\",\"class\":\"a.HogTest\",\"seq\":1,\"heapPeak\":1}");
        watcher.poll();
        Files.writeString(journal, "{\"event\":\"class-start\",\"cl", StandardOpenOption.APPEND);

        JournalContents contents = watcher.journal();

        assertThat(contents.events())
                .extracting(JournalEvent::type)
                .containsExactly(
                        EventType.FORK,
                        EventType.CLASS_START,
                        EventType.TEST_START,
                        EventType.TEST_END,
                        EventType.CLASS_END);
        assertThat(contents.tornLines()).isEqualTo(1);
        assertThat(contents.problems()).isEmpty();
    }

    private void append(String... lines) throws IOException {
        Files.writeString(
                journal,
                String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private final class RecordingControl implements ProcessControl {
        @Override
        public long residentBytes(long pid) {
            return 1;
        }

        @Override
        public void terminate(long pid) {
            terminated.add(pid);
        }

        @Override
        public void kill(long pid) {
            killed.add(pid);
        }

        @Override
        public boolean alive(long pid) {
            return !killed.contains(pid);
        }
    }
}
