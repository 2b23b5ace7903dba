package dev.memprobe.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal read while the fork writes it, each line once, and to its end once the fork has ended. */
class JournalTailTest {

    @TempDir
    Path folder;

    private Path file;

    @Test
    void returnsEachCompleteLineOnceAndALineBeingWrittenOnceItsNewlineCame() throws IOException {
        file = folder.resolve("journal.jsonl");
        JournalTail tail = new JournalTail(file);
        assertThat(tail.readNew()).as("not written yet").isEmpty();

        append("{\"event\":\"fork\",\"time\":1,\"pid\":42}\n{\"event\":\"class-start\",\"time\":2,\"cla");
        assertThat(tail.readNew()).extracting(JournalEvent::type).containsExactly(EventType.FORK);
        assertThat(tail.readNew()).isEmpty();

        append("ss\":\"a.Ü\"}\n");
        List<JournalEvent> second = tail.readNew();
        assertThat(second).extracting(JournalEvent::type).containsExactly(EventType.CLASS_START);
        assertThat(((ClassStartEvent) second.get(0)).className()).isEqualTo("a.Ü");

        append("not json\n{\"event\":\"class-end\",\"time\":3,\"class\":\"a.Ü\"}\n{\"event\":\"run");
        JournalContents whole = tail.finish();

        assertThat(whole.events())
                .extracting(JournalEvent::type)
                .containsExactly(EventType.FORK, EventType.CLASS_START, EventType.CLASS_END);
        assertThat(whole.problems()).hasSize(1).allSatisfy(p -> assertThat(p).startsWith("line 3 is not a journal"));
        assertThat(whole.tornLines()).isEqualTo(1);
        assertThat(tail.finish()).isSameAs(whole);
        assertThat(tail.readNew()).isEmpty();
    }

    @Test
    void aTestKeptInFlightBesideTheJournalGoesAfterItsClassesLastLineAndOnlyWhileTheClassIsOpen() throws IOException {
        file = folder.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.classStart("a.Done", 1);
            writer.classEnd("a.Done", 1, TestCounts.NONE, null, null);
            writer.classStart("a.Open", 2);
            writer.testEnd("a.Open", "failed", TestStatus.FAILED, null, null);
            writer.nearLimit("a.Open", null, "G1 Old Gen", 90, 100);
        }
        JournalContents read = JournalTail.read(file);

        JournalContents with = read.withTestInFlight(2, "runs", 7);
        assertThat(with.events())
                .extracting(JournalEvent::type)
                .containsExactly(
                        EventType.CLASS_START,
                        EventType.CLASS_END,
                        EventType.CLASS_START,
                        EventType.TEST_END,
                        EventType.TEST_START,
                        EventType.NEAR_LIMIT);
        TestStartEvent running = (TestStartEvent) with.events().get(4);
        assertThat(running.className()).isEqualTo("a.Open");
        assertThat(running.method()).isEqualTo("runs");
        assertThat(running.time()).isEqualTo(7);
        assertThat(read.withTestInFlight(1, "after its end", 7))
                .as("the class ended")
                .isSameAs(read);
        assertThat(read.withTestInFlight(3, "unknown", 7)).as("no such class").isSameAs(read);
    }

    @Test
    void aMultiByteCharacterSplitBetweenTwoReadsIsDecodedWhole() throws IOException {
        file = folder.resolve("journal.jsonl");
        JournalTail tail = new JournalTail(file);
        byte[] line = "{\"event\":\"plan\",\"time\":1,\"classes\":[\"a.Ü\"]}\n".getBytes(StandardCharsets.UTF_8);
        int inside = new String(line, StandardCharsets.UTF_8).indexOf('Ü') + 1; // between the two bytes of Ü

        Files.write(file, java.util.Arrays.copyOf(line, inside));
        assertThat(tail.readNew()).isEmpty();
        Files.write(file, java.util.Arrays.copyOfRange(line, inside, line.length), StandardOpenOption.APPEND);

        assertThat(tail.readNew())
                .singleElement()
                .satisfies(e -> assertThat(((PlanEvent) e).classes()).containsExactly("a.Ü"));
    }

    @Test
    void aJournalThatAppearsOnlyAfterTheFirstReadsIsStillRead() throws IOException {
        file = folder.resolve("journal.jsonl");
        JournalTail tail = new JournalTail(file);
        tail.readNew();

        append("{\"event\":\"run-end\",\"time\":1,\"seq\":0}\n");

        JournalContents contents = tail.finish();
        assertThat(contents.present()).isTrue();
        assertThat(contents.events()).extracting(JournalEvent::type).containsExactly(EventType.RUN_END);
    }

    private void append(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
