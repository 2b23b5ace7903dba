package dev.memprobe.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as the fork writes it ({@link JournalWriter}) and the plugin reads it ({@link JournalReader}). */
class JournalRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void linesWrittenByTheWriterAreReadBackWithTheirFields() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        Map<String, Long> pools = new LinkedHashMap<>();
        pools.put("G1 Eden Space", 1024L);
        pools.put("G1 Old Gen", 4096L);
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.line(Journal.PLAN)
                    .put(Journal.CLASSES, List.of("com.acme.ÜberTest", "com.acme.A$B"))
                    .write();
            writer.line(Journal.CLASS_START)
                    .put(Journal.CLASS, "com.acme.ÜberTest")
                    .put(Journal.SEQ, 1)
                    .write();
            writer.line(Journal.TEST_END)
                    .put(Journal.CLASS, "com.acme.ÜberTest")
                    .put(Journal.METHOD, "name with \"quotes\", a\nnewline and \u2028")
                    .put(Journal.STATUS, Journal.PASSED)
                    .put(Journal.THROWABLE, null)
                    .write();
            writer.line(Journal.CLASS_END)
                    .put(Journal.CLASS, "com.acme.ÜberTest")
                    .put(Journal.HEAP_PEAK, 123_456_789_012L)
                    .put(Journal.POOL_PEAKS, pools)
                    .put(Journal.RSS_RESET, true)
                    .write();
        }

        JournalReader.Contents contents = JournalReader.read(file);

        assertThat(contents.present()).isTrue();
        assertThat(contents.absence()).isNull();
        assertThat(contents.tornLines()).isZero();
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.entries())
                .extracting(JournalEntry::event)
                .containsExactly(Journal.PLAN, Journal.CLASS_START, Journal.TEST_END, Journal.CLASS_END);
        assertThat(contents.entries()).extracting(JournalEntry::lineNumber).containsExactly(1, 2, 3, 4);
        assertThat(contents.entries()).allSatisfy(e -> assertThat(e.time()).isPositive());

        JournalEntry plan = contents.entries().get(0);
        assertThat(plan.list(Journal.CLASSES)).containsExactly("com.acme.ÜberTest", "com.acme.A$B");
        JournalEntry testEnd = contents.entries().get(2);
        assertThat(testEnd.string(Journal.METHOD)).isEqualTo("name with \"quotes\", a\nnewline and \u2028");
        assertThat(testEnd.has(Journal.THROWABLE)).isFalse();
        assertThat(testEnd.fields()).doesNotContainKey(Journal.THROWABLE);
        JournalEntry classEnd = contents.entries().get(3);
        assertThat(classEnd.number(Journal.HEAP_PEAK, -1)).isEqualTo(123_456_789_012L);
        assertThat(classEnd.map(Journal.POOL_PEAKS)).isEqualTo(Map.of("G1 Eden Space", 1024L, "G1 Old Gen", 4096L));
        assertThat(classEnd.flag(Journal.RSS_RESET)).isTrue();
        assertThat(classEnd.numberOrNull(Journal.RETAINED)).isNull();
    }

    @Test
    void aLastLineCutOffByTheForksDeathIsCountedAndLeftOut() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.line(Journal.CLASS_START).put(Journal.CLASS, "com.acme.A").write();
            writer.line(Journal.TEST_START).put(Journal.CLASS, "com.acme.A").write();
        }
        // SIGKILL in the middle of the next line: no closing brace, no newline
        Files.write(
                file,
                "{\"event\":\"test-end\",\"class\":\"com.ac".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        JournalReader.Contents contents = JournalReader.read(file);

        assertThat(contents.tornLines()).isEqualTo(1);
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.entries()).extracting(JournalEntry::event).containsExactly("class-start", "test-start");
    }

    @Test
    void aCompleteLastLineWithoutItsNewlineIsStillTornNotGuessed() {
        JournalReader.Contents contents =
                JournalReader.parse("{\"event\":\"fork\",\"time\":1}\n{\"event\":\"run-end\",\"time\":2}");

        assertThat(contents.tornLines()).isEqualTo(1);
        assertThat(contents.entries()).extracting(JournalEntry::event).containsExactly("fork");
    }

    @Test
    void aCorruptLineInTheMiddleIsReportedAsAProblemAndTheRestIsRead() {
        String text = "{\"event\":\"class-start\",\"time\":1,\"class\":\"a.A\"}\n"
                + "{\"event\":\"test-start\",\"time\":2,\"cla\u0000ss\n"
                + "{\"time\":3}\n"
                + "\n"
                + "{\"event\":\"class-end\",\"time\":4,\"class\":\"a.A\"}\n";

        JournalReader.Contents contents = JournalReader.parse(text);

        assertThat(contents.entries()).extracting(JournalEntry::event).containsExactly("class-start", "class-end");
        assertThat(contents.entries()).extracting(JournalEntry::lineNumber).containsExactly(1, 5);
        assertThat(contents.problems())
                .containsExactly(
                        "line 2 is not a journal record (a control character inside a string at line 1, column 36)",
                        "line 3 has no event name");
        assertThat(contents.tornLines()).isZero();
    }

    @Test
    void aMissingJournalIsReportedAsAbsentWithTheReason() {
        Path file = folder.resolve("probes/7/journal.jsonl");

        JournalReader.Contents contents = JournalReader.read(file);

        assertThat(contents.present()).isFalse();
        assertThat(contents.entries()).isEmpty();
        assertThat(contents.absence())
                .isEqualTo("the journal " + file + " was never written: the fork died before memprobe's provider"
                        + " started");
    }

    @Test
    void anEmptyJournalIsPresentButHoldsNothing() throws IOException {
        Path file = Files.createFile(folder.resolve("journal.jsonl"));

        JournalReader.Contents contents = JournalReader.read(file);

        assertThat(contents.present()).isTrue();
        assertThat(contents.entries()).isEmpty();
        assertThat(contents.tornLines()).isZero();
    }

    @Test
    void theWriterCreatesMissingFoldersAndAppendsToAnEarlierJournal() throws IOException {
        Path file = folder.resolve("a/b/journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.line(Journal.FORK).write();
        }
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.line(Journal.RUN_END).write();
        }

        assertThat(JournalReader.read(file).entries())
                .extracting(JournalEntry::event)
                .containsExactly(Journal.FORK, Journal.RUN_END);
    }

    @Test
    void aWriteThatFailsMarksTheWriterBrokenInsteadOfThrowingIntoTheTests() throws IOException {
        JournalWriter writer =
                JournalWriter.open(folder.resolve("journal.jsonl").toFile());
        writer.line(Journal.FORK).write();
        assertThat(writer.isBroken()).isFalse();
        writer.close();

        writer.line(Journal.RUN_END).write();

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
                        writer.line(Journal.TEST_END)
                                .put(Journal.CLASS, name)
                                .put(Journal.SEQ, i)
                                .put(Journal.MESSAGE, padding)
                                .write();
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

        JournalReader.Contents contents = JournalReader.read(file);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.tornLines()).isZero();
        assertThat(contents.entries()).hasSize(threads * linesEach);
        assertThat(contents.entries())
                .allSatisfy(e -> assertThat(e.string(Journal.MESSAGE)).isEqualTo(padding));
        for (int t = 0; t < threads; t++) {
            String name = "writer-" + t;
            assertThat(contents.entries().stream()
                            .filter(e -> name.equals(e.string(Journal.CLASS)))
                            .map(e -> e.number(Journal.SEQ, -1)))
                    .as("lines of %s, in the order it wrote them", name)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, linesEach)
                            .boxed()
                            .toList());
        }
    }
}
