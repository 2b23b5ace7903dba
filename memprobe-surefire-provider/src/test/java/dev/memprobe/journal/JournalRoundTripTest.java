package dev.memprobe.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as the fork writes it ({@link JournalWriter}) and the plugin reads it ({@link JournalTail}). */
class JournalRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void eventsWrittenByTheWriterAreReadBackInOrder() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.plan(List.of("com.acme.ÜberTest"));
            writer.classStart("com.acme.ÜberTest", 1);
            writer.testEnd("com.acme.ÜberTest", "works", TestStatus.PASSED, 3, null);
            writer.classEnd("com.acme.ÜberTest", 1, TestCounts.NONE.plus(TestStatus.PASSED), Measures.NONE, null);
        }

        JournalContents contents = JournalTail.read(file);

        assertThat(contents.present()).isTrue();
        assertThat(contents.absence()).isNull();
        assertThat(contents.tornLines()).isZero();
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.events())
                .extracting(JournalEvent::type)
                .containsExactly(EventType.PLAN, EventType.CLASS_START, EventType.TEST_END, EventType.CLASS_END);
        assertThat(contents.events()).allSatisfy(e -> assertThat(e.time()).isPositive());
        assertThat(((ClassEndEvent) contents.events().get(3)).counts().tests()).isEqualTo(1);
    }

    @Test
    void aLastLineCutOffByTheForksDeathIsCountedAndLeftOut() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.classStart("com.acme.A", 1);
            writer.testStart("com.acme.A", "works");
        }
        // SIGKILL in the middle of the next line: no closing brace, no newline
        Files.write(
                file,
                "{\"event\":\"test-end\",\"class\":\"com.ac".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        JournalContents contents = JournalTail.read(file);

        assertThat(contents.tornLines()).isEqualTo(1);
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.events())
                .extracting(JournalEvent::type)
                .containsExactly(EventType.CLASS_START, EventType.TEST_START);
    }

    @Test
    void aCompleteLastLineWithoutItsNewlineIsStillTornNotGuessed() {
        JournalContents contents =
                JournalTail.parse("{\"event\":\"fork\",\"time\":1}\n{\"event\":\"run-end\",\"time\":2}");

        assertThat(contents.tornLines()).isEqualTo(1);
        assertThat(contents.events()).extracting(JournalEvent::type).containsExactly(EventType.FORK);
    }

    @Test
    void aCorruptLineInTheMiddleIsReportedAsAProblemAndTheRestIsRead() {
        String text = "{\"event\":\"class-start\",\"time\":1,\"class\":\"a.A\"}\n"
                + "{\"event\":\"test-start\",\"time\":2,\"cla\u0000ss\n"
                + "{\"time\":3}\n"
                + "\n"
                + "{\"event\":\"class-end\",\"time\":4,\"class\":\"a.A\"}\n";

        JournalContents contents = JournalTail.parse(text);

        assertThat(contents.events())
                .extracting(JournalEvent::type)
                .containsExactly(EventType.CLASS_START, EventType.CLASS_END);
        assertThat(contents.problems())
                .containsExactly(
                        "line 2 is not a journal record (a control character inside a string at line 1, column 36)",
                        "line 3 has no event name");
        assertThat(contents.tornLines()).isZero();
    }

    @Test
    void anEventOfANewerProviderIsSkippedAndTheRestIsRead() {
        JournalContents contents = JournalTail.parse("{\"event\":\"class-start\",\"time\":1,\"class\":\"a.A\"}\n"
                + "{\"event\":\"flight-recording\",\"time\":2,\"file\":\"a.jfr\"}\n"
                + "{\"event\":\"run-end\",\"time\":3,\"seq\":1}\n");

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.events())
                .extracting(JournalEvent::type)
                .containsExactly(EventType.CLASS_START, EventType.RUN_END);
    }

    @Test
    void aMissingJournalIsReportedAsAbsentWithTheReason() {
        Path file = folder.resolve("probes/7/journal.jsonl");

        JournalContents contents = JournalTail.read(file);

        assertThat(contents.present()).isFalse();
        assertThat(contents.events()).isEmpty();
        assertThat(contents.absence())
                .isEqualTo("the journal " + file + " was never written: the fork died before memprobe's provider"
                        + " started");
    }

    @Test
    void anEmptyJournalIsPresentButHoldsNothing() throws IOException {
        Path file = Files.createFile(folder.resolve("journal.jsonl"));

        JournalContents contents = JournalTail.read(file);

        assertThat(contents.present()).isTrue();
        assertThat(contents.events()).isEmpty();
        assertThat(contents.tornLines()).isZero();
    }

    @Test
    void theWriterCreatesMissingFoldersAndAppendsToAnEarlierJournal() throws IOException {
        Path file = folder.resolve("a/b/journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.plan(List.of());
        }
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.runEnd(0);
        }

        assertThat(JournalTail.read(file).events())
                .extracting(JournalEvent::type)
                .containsExactly(EventType.PLAN, EventType.RUN_END);
    }

    @Test
    void aWriteThatFailsMarksTheWriterBrokenInsteadOfThrowingIntoTheTests() throws IOException {
        JournalWriter writer =
                JournalWriter.open(folder.resolve("journal.jsonl").toFile());
        writer.plan(List.of());
        assertThat(writer.isBroken()).isFalse();
        writer.close();

        writer.runEnd(0);

        assertThat(writer.isBroken()).isTrue();
    }

    @Test
    void concurrentWritersNeverInterleaveWithinALine() throws Exception {
        int threads = 4;
        int linesEach = 200;
        String padding = "x".repeat(3000); // long lines: a line written in pieces would show
        Path file = folder.resolve("journal.jsonl");
        JournalWriter writer = JournalWriter.open(file.toFile());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "writer-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < linesEach; i++) {
                        writer.testEnd(name, "m" + i, TestStatus.FAILED, i, new Problem("x.Error", padding));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
            writer.close();
        }

        JournalContents contents = JournalTail.read(file);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.tornLines()).isZero();
        assertThat(contents.events()).hasSize(threads * linesEach);
        List<TestEndEvent> ends =
                contents.events().stream().map(TestEndEvent.class::cast).toList();
        assertThat(ends).allSatisfy(e -> assertThat(e.problem().message()).isEqualTo(padding));
        for (int t = 0; t < threads; t++) {
            String name = "writer-" + t;
            assertThat(ends.stream().filter(e -> name.equals(e.className())).map(TestEndEvent::millis))
                    .as("lines of %s, in the order it wrote them", name)
                    .containsExactlyElementsOf(
                            IntStream.range(0, linesEach).boxed().toList());
        }
    }
}
