package dev.memprobe.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Format 1, event by event: the line each writer method writes, byte for byte as earlier providers wrote it (old
 * journals must still read, and a plugin reads a provider of another version), and the typed event that line
 * decodes to.
 */
class JournalFormatTest {

    @TempDir
    Path folder;

    static Stream<Arguments> events() {
        return Stream.of(
                event(
                        "fork",
                        "{\"event\":\"fork\",\"time\":T,\"format\":1,\"pid\":4242,\"java\":\"17.0.15\","
                                + "\"vendor\":\"Debian\",\"vm\":\"OpenJDK 64-Bit Server VM\",\"maxHeap\":268435456,"
                                + "\"gcs\":[\"G1 Young Generation\",\"G1 Old Generation\"],\"rssReset\":true,"
                                + "\"jvmStart\":1700000000000}",
                        w -> w.fork(
                                4242,
                                "17.0.15",
                                "Debian",
                                "OpenJDK 64-Bit Server VM",
                                268435456,
                                List.of("G1 Young Generation", "G1 Old Generation"),
                                true,
                                1700000000000L,
                                false),
                        e -> {
                            ForkEvent fork = (ForkEvent) e;
                            assertThat(fork.format()).isEqualTo(1);
                            assertThat(fork.pid()).isEqualTo(4242);
                            assertThat(fork.javaVersion()).isEqualTo("17.0.15");
                            assertThat(fork.vendor()).isEqualTo("Debian");
                            assertThat(fork.vm()).isEqualTo("OpenJDK 64-Bit Server VM");
                            assertThat(fork.maxHeap()).isEqualTo(268435456);
                            assertThat(fork.collectors()).containsExactly("G1 Young Generation", "G1 Old Generation");
                            assertThat(fork.rssResettable()).isTrue();
                            assertThat(fork.jvmStart()).isEqualTo(1700000000000L);
                            assertThat(fork.parallelForcedOff()).isFalse();
                        }),
                event(
                        "fork without a maximum heap, parallelism switched off",
                        "{\"event\":\"fork\",\"time\":T,\"format\":1,\"pid\":7,\"java\":\"1.8.0_402\",\"vendor\":\"Azul\","
                                + "\"vm\":\"Zing\",\"gcs\":[],\"rssReset\":false,\"jvmStart\":5,"
                                + "\"parallelForcedOff\":true}",
                        w -> w.fork(7, "1.8.0_402", "Azul", "Zing", -1, List.of(), false, 5, true),
                        e -> {
                            ForkEvent fork = (ForkEvent) e;
                            assertThat(fork.maxHeap()).isEqualTo(-1);
                            assertThat(fork.collectors()).isEmpty();
                            assertThat(fork.rssResettable()).isFalse();
                            assertThat(fork.parallelForcedOff()).isTrue();
                        }),
                event(
                        "plan",
                        "{\"event\":\"plan\",\"time\":T,\"classes\":[\"com.acme.ÜberTest\",\"com.acme.A$B\"]}",
                        w -> w.plan(List.of("com.acme.ÜberTest", "com.acme.A$B")),
                        e -> assertThat(((PlanEvent) e).classes())
                                .containsExactly("com.acme.ÜberTest", "com.acme.A$B")),
                event(
                        "class-start",
                        "{\"event\":\"class-start\",\"time\":T,\"class\":\"a.One\",\"seq\":1}",
                        w -> w.classStart("a.One", 1),
                        e -> {
                            assertThat(((ClassStartEvent) e).className()).isEqualTo("a.One");
                            assertThat(((ClassStartEvent) e).seq()).isEqualTo(1);
                        }),
                event(
                        "test-start",
                        "{\"event\":\"test-start\",\"time\":T,\"class\":\"a.One\",\"method\":\"name with \\\"quotes\\\","
                                + " a\\nnewline and \\u2028\"}",
                        w -> w.testStart("a.One", "name with \"quotes\", a\nnewline and \u2028"),
                        e -> assertThat(((TestStartEvent) e).method())
                                .isEqualTo("name with \"quotes\", a\nnewline and \u2028")),
                event(
                        "test-end that passed",
                        "{\"event\":\"test-end\",\"time\":T,\"class\":\"a.One\",\"method\":\"works\",\"status\":\"passed\","
                                + "\"ms\":12}",
                        w -> w.testEnd("a.One", "works", TestStatus.PASSED, 12, null),
                        e -> {
                            TestEndEvent end = (TestEndEvent) e;
                            assertThat(end.status()).isEqualTo(TestStatus.PASSED);
                            assertThat(end.millis()).isEqualTo(12);
                            assertThat(end.problem()).isNull();
                            assertThat(end.memoryKind()).isNull();
                            assertThat(end.allocated()).isEqualTo(-1); // not measured: absent from the line
                            assertThat(end.kept()).isEqualTo(-1);
                        }),
                event(
                        "test-end with what the method allocated and kept",
                        "{\"event\":\"test-end\",\"time\":T,\"class\":\"a.One\",\"method\":\"works\",\"status\":\"passed\","
                                + "\"ms\":12,\"allocated\":1048576,\"kept\":4096}",
                        w -> w.testEnd("a.One", "works", TestStatus.PASSED, 12, null, 1_048_576, 4_096),
                        e -> {
                            TestEndEvent end = (TestEndEvent) e;
                            assertThat(end.allocated()).isEqualTo(1_048_576);
                            assertThat(end.kept()).isEqualTo(4_096);
                        }),
                event(
                        "test-end of an OutOfMemoryError, no duration",
                        "{\"event\":\"test-end\",\"time\":T,\"class\":\"a.One\",\"method\":\"loads\",\"status\":\"error\","
                                + "\"throwable\":\"java.lang.OutOfMemoryError\",\"message\":\"Java heap space\"}",
                        w -> w.testEnd(
                                "a.One",
                                "loads",
                                TestStatus.ERRORED,
                                null,
                                new Problem("java.lang.OutOfMemoryError", "Java heap space")),
                        e -> {
                            TestEndEvent end = (TestEndEvent) e;
                            assertThat(end.status()).isEqualTo(TestStatus.ERRORED);
                            assertThat(end.millis()).isNull();
                            assertThat(end.problem().describe())
                                    .isEqualTo("java.lang.OutOfMemoryError: Java heap space");
                            assertThat(end.memoryKind()).isEqualTo(OutOfMemory.Kind.HEAP);
                        }),
                event(
                        "class-end",
                        "{\"event\":\"class-end\",\"time\":T,\"class\":\"a.One\",\"seq\":2,\"tests\":3,\"failures\":1,"
                                + "\"errors\":0,\"skipped\":1,\"ms\":12,\"heapPeak\":1000,\"poolPeaks\":"
                                + "{\"G1 Eden Space\":600,\"G1 Old Gen\":400},\"liveMax\":500,\"allocated\":700,"
                                + "\"histogram\":[{\"type\":\"[B\",\"bytes\":4096,\"instances\":2,\"growth\":4000}]}",
                        w -> w.classEnd(
                                "a.One",
                                2,
                                new TestCounts(3, 1, 0, 1),
                                Measures.builder()
                                        .set(MeasureField.MILLIS, 12)
                                        .set(MeasureField.HEAP_PEAK, 1000)
                                        .poolPeak("G1 Eden Space", 600)
                                        .poolPeak("G1 Old Gen", 400)
                                        .set(MeasureField.LIVE_MAX, 500)
                                        .set(MeasureField.ALLOCATED, 700)
                                        .build(),
                                List.of(new HistogramRow("[B", 4096, 2, 4000))),
                        e -> {
                            ClassEndEvent end = (ClassEndEvent) e;
                            assertThat(end.className()).isEqualTo("a.One");
                            assertThat(end.seq()).isEqualTo(2);
                            assertThat(end.counts().tests()).isEqualTo(3);
                            assertThat(end.counts().failures()).isEqualTo(1);
                            assertThat(end.counts().errors()).isZero();
                            assertThat(end.counts().skipped()).isEqualTo(1);
                            assertThat(end.measures().get(MeasureField.HEAP_PEAK))
                                    .isEqualTo(1000);
                            assertThat(end.measures().get(MeasureField.LIVE_MAX))
                                    .isEqualTo(500);
                            assertThat(end.measures().get(MeasureField.RETAINED))
                                    .isEqualTo(-1);
                            assertThat(end.measures().poolPeaks())
                                    .containsExactly(entry("G1 Eden Space", 600L), entry("G1 Old Gen", 400L));
                            assertThat(end.histogram()).containsExactly(new HistogramRow("[B", 4096, 2, 4000));
                        }),
                event(
                        "class-end of a class the meters could not measure",
                        "{\"event\":\"class-end\",\"time\":T,\"class\":\"a.One\",\"seq\":1,\"tests\":0,\"failures\":0,"
                                + "\"errors\":0,\"skipped\":0}",
                        w -> w.classEnd("a.One", 1, TestCounts.NONE, null, null),
                        e -> {
                            ClassEndEvent end = (ClassEndEvent) e;
                            for (MeasureField field : MeasureField.values()) {
                                assertThat(end.measures().get(field)).isEqualTo(-1);
                            }
                            assertThat(end.measures().poolPeaks()).isEmpty();
                            assertThat(end.histogram()).isNull();
                        }),
                event(
                        "near-limit",
                        "{\"event\":\"near-limit\",\"time\":T,\"class\":\"a.One\",\"method\":\"fills\","
                                + "\"pool\":\"G1 Old Gen\",\"used\":900,\"max\":1000}",
                        w -> w.nearLimit("a.One", "fills", "G1 Old Gen", 900, 1000),
                        e -> {
                            NearLimitEvent near = (NearLimitEvent) e;
                            assertThat(near.className()).isEqualTo("a.One");
                            assertThat(near.method()).isEqualTo("fills");
                            assertThat(near.pool()).isEqualTo("G1 Old Gen");
                            assertThat(near.used()).isEqualTo(900);
                            assertThat(near.max()).isEqualTo(1000);
                        }),
                event(
                        "gc-overhead with the measurements so far",
                        "{\"event\":\"gc-overhead\",\"time\":T,\"class\":\"a.One\",\"method\":\"crawls\","
                                + "\"windowMs\":10000,\"gcMs\":9400,\"collections\":1024,\"used\":263192576,"
                                + "\"max\":268435456,\"measure\":{\"ms\":41000,\"heapPeak\":268435456}}",
                        w -> w.gcOverhead(
                                "a.One",
                                "crawls",
                                10_000,
                                9_400,
                                1024,
                                263192576,
                                268435456,
                                Measures.builder()
                                        .set(MeasureField.MILLIS, 41_000)
                                        .set(MeasureField.HEAP_PEAK, 268435456)
                                        .build()),
                        e -> {
                            GcOverheadEvent crawl = (GcOverheadEvent) e;
                            assertThat(crawl.className()).isEqualTo("a.One");
                            assertThat(crawl.method()).isEqualTo("crawls");
                            assertThat(crawl.windowMillis()).isEqualTo(10_000);
                            assertThat(crawl.gcMillis()).isEqualTo(9_400);
                            assertThat(crawl.collections()).isEqualTo(1024);
                            assertThat(crawl.leastLive()).isEqualTo(263192576);
                            assertThat(crawl.maxHeap()).isEqualTo(268435456);
                            assertThat(crawl.measures().get(MeasureField.MILLIS))
                                    .isEqualTo(41_000);
                        }),
                event(
                        "gc-overhead outside any class, nothing measured",
                        "{\"event\":\"gc-overhead\",\"time\":T,\"windowMs\":10000,\"gcMs\":5000,"
                                + "\"collections\":3,\"used\":900,\"max\":1000}",
                        w -> w.gcOverhead(null, null, 10_000, 5_000, 3, 900, 1000, null),
                        e -> {
                            GcOverheadEvent crawl = (GcOverheadEvent) e;
                            assertThat(crawl.className()).isNull();
                            assertThat(crawl.method()).isNull();
                            assertThat(crawl.measures()).isNull();
                        }),
                event(
                        "error with the measurements so far",
                        "{\"event\":\"error\",\"time\":T,\"class\":\"a.One\",\"method\":\"loads\","
                                + "\"throwable\":\"java.lang.OutOfMemoryError\",\"message\":\"Metaspace\","
                                + "\"measure\":{\"ms\":3,\"heapPeak\":2000}}",
                        w -> w.error(
                                "a.One",
                                "loads",
                                new Problem("java.lang.OutOfMemoryError", "Metaspace"),
                                Measures.builder()
                                        .set(MeasureField.MILLIS, 3)
                                        .set(MeasureField.HEAP_PEAK, 2000)
                                        .build()),
                        e -> {
                            ErrorEvent error = (ErrorEvent) e;
                            assertThat(error.problem().memoryKind()).isEqualTo(OutOfMemory.Kind.METASPACE);
                            assertThat(error.measures().get(MeasureField.HEAP_PEAK))
                                    .isEqualTo(2000);
                        }),
                event(
                        "error outside any class, nothing measured",
                        "{\"event\":\"error\",\"time\":T,\"throwable\":\"java.lang.IllegalStateException\"}",
                        w -> w.error(null, null, new Problem("java.lang.IllegalStateException", null), null),
                        e -> {
                            ErrorEvent error = (ErrorEvent) e;
                            assertThat(error.className()).isNull();
                            assertThat(error.problem().describe()).isEqualTo("java.lang.IllegalStateException");
                            assertThat(error.problem().memoryKind()).isNull();
                            assertThat(error.measures()).isNull();
                        }),
                event(
                        "recovered",
                        "{\"event\":\"recovered\",\"time\":T,\"class\":\"a.One\",\"used\":100,\"max\":1000}",
                        w -> w.recovered("a.One", 100, 1000),
                        e -> {
                            assertThat(((RecoveredEvent) e).className()).isEqualTo("a.One");
                            assertThat(((RecoveredEvent) e).used()).isEqualTo(100);
                            assertThat(((RecoveredEvent) e).max()).isEqualTo(1000);
                        }),
                event(
                        "shutdown by System.exit",
                        "{\"event\":\"shutdown\",\"time\":T,\"trigger\":\"exit\",\"caller\":\"a.One.main(One.java:12)\","
                                + "\"class\":\"a.One\",\"method\":\"callsMain\",\"measure\":{}}",
                        w -> w.shutdown(
                                ShutdownTrigger.EXIT, "a.One.main(One.java:12)", "a.One", "callsMain", Measures.NONE),
                        e -> {
                            ShutdownEvent shutdown = (ShutdownEvent) e;
                            assertThat(shutdown.trigger()).isEqualTo(ShutdownTrigger.EXIT);
                            assertThat(shutdown.caller()).isEqualTo("a.One.main(One.java:12)");
                            assertThat(shutdown.className()).isEqualTo("a.One");
                            assertThat(shutdown.method()).isEqualTo("callsMain");
                            assertThat(shutdown.measures()).isNotNull();
                        }),
                event(
                        "shutdown by a signal",
                        "{\"event\":\"shutdown\",\"time\":T,\"trigger\":\"signal\",\"caller\":\"SIGTERM\",\"class\":\"a.One\"}",
                        w -> w.shutdown(ShutdownTrigger.SIGNAL, "SIGTERM", "a.One", null, null),
                        e -> {
                            assertThat(((ShutdownEvent) e).trigger()).isEqualTo(ShutdownTrigger.SIGNAL);
                            assertThat(((ShutdownEvent) e).measures()).isNull();
                        }),
                event(
                        "memory",
                        "{\"event\":\"memory\",\"time\":T,\"used\":300,\"live\":120,\"rss\":900}",
                        w -> w.memory(300, 120, 900),
                        e -> {
                            MemoryEvent memory = (MemoryEvent) e;
                            assertThat(memory.heapUsed()).isEqualTo(300);
                            assertThat(memory.liveHeap()).isEqualTo(120);
                            assertThat(memory.rss()).isEqualTo(900);
                        }),
                event(
                        "memory before the first collection, without /proc",
                        "{\"event\":\"memory\",\"time\":T,\"used\":300}",
                        w -> w.memory(300, -1, -1),
                        e -> assertThat(((MemoryEvent) e).liveHeap()).isEqualTo(-1)),
                event(
                        "run-end",
                        "{\"event\":\"run-end\",\"time\":T,\"seq\":3}",
                        w -> w.runEnd(3),
                        e -> assertThat(((RunEndEvent) e).classes()).isEqualTo(3)),
                event(
                        "heap-dump at a polluter's end",
                        "{\"event\":\"heap-dump\",\"time\":T,\"class\":\"a.One\",\"phase\":\"end\","
                                + "\"file\":\"/p/2-One-end.hprof\",\"bytes\":9000,\"ms\":40,\"compressedOops\":true}",
                        w -> w.heapDump("a.One", HeapDumpEvent.Phase.END, "/p/2-One-end.hprof", 9000, 40, true),
                        e -> {
                            HeapDumpEvent dump = (HeapDumpEvent) e;
                            assertThat(dump.className()).isEqualTo("a.One");
                            assertThat(dump.phase()).isEqualTo(HeapDumpEvent.Phase.END);
                            assertThat(dump.file()).isEqualTo("/p/2-One-end.hprof");
                            assertThat(dump.bytes()).isEqualTo(9000);
                            assertThat(dump.millis()).isEqualTo(40);
                            assertThat(dump.compressedOops()).isTrue();
                            assertThat(dump.skipped()).isNull();
                        }),
                event(
                        "heap-dump the JVM wrote on an error, time unknown",
                        "{\"event\":\"heap-dump\",\"time\":T,\"class\":\"a.One\",\"phase\":\"error\","
                                + "\"file\":\"/p/1-One-error.hprof\",\"bytes\":9000,\"compressedOops\":false}",
                        w -> w.heapDump("a.One", HeapDumpEvent.Phase.ERROR, "/p/1-One-error.hprof", 9000, -1, false),
                        e -> {
                            HeapDumpEvent dump = (HeapDumpEvent) e;
                            assertThat(dump.phase()).isEqualTo(HeapDumpEvent.Phase.ERROR);
                            assertThat(dump.millis()).isEqualTo(-1);
                            assertThat(dump.compressedOops()).isFalse();
                        }),
                event(
                        "heap-dump skipped, with the reason",
                        "{\"event\":\"heap-dump\",\"time\":T,\"class\":\"a.One\",\"phase\":\"start\","
                                + "\"compressedOops\":false,\"reason\":\"no room\"}",
                        w -> w.heapDumpSkipped("a.One", HeapDumpEvent.Phase.START, "no room"),
                        e -> {
                            HeapDumpEvent dump = (HeapDumpEvent) e;
                            assertThat(dump.file()).isNull();
                            assertThat(dump.bytes()).isEqualTo(-1);
                            assertThat(dump.skipped()).isEqualTo("no room");
                        }),
                event(
                        "threads-left",
                        "{\"event\":\"threads-left\",\"time\":T,\"class\":\"a.One\",\"count\":2,\"threads\":["
                                + "{\"name\":\"poller-0\",\"daemon\":true,\"state\":\"WAITING\","
                                + "\"runs\":\"a.One.poll(One.java:9)\"},{\"name\":\"poller-1\",\"daemon\":false}]}",
                        w -> w.threadsLeft(
                                "a.One",
                                2,
                                List.of(
                                        new ThreadsLeftEvent.LiveThread(
                                                "poller-0", true, "WAITING", "a.One.poll(One.java:9)"),
                                        new ThreadsLeftEvent.LiveThread("poller-1", false, null, null))),
                        e -> {
                            ThreadsLeftEvent left = (ThreadsLeftEvent) e;
                            assertThat(left.className()).isEqualTo("a.One");
                            assertThat(left.count()).isEqualTo(2);
                            assertThat(left.threads())
                                    .containsExactly(
                                            new ThreadsLeftEvent.LiveThread(
                                                    "poller-0", true, "WAITING", "a.One.poll(One.java:9)"),
                                            new ThreadsLeftEvent.LiveThread("poller-1", false, null, null));
                        }));
    }

    private static Arguments event(
            String name, String line, Consumer<JournalWriter> write, Consumer<JournalEvent> decoded) {
        return Arguments.of(name, line, write, decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theWriterWritesEachEventAsFormatOneHasIt(
            String name, String line, Consumer<JournalWriter> write, Consumer<JournalEvent> decoded)
            throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            write.accept(writer);
        }

        String written = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);

        assertThat(written.replaceFirst("\"time\":\\d+", "\"time\":T")).isEqualTo(line + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachLineDecodesToItsTypedEvent(
            String name, String line, Consumer<JournalWriter> write, Consumer<JournalEvent> decoded) {
        JournalContents contents = JournalTail.parse(line.replace("\"time\":T", "\"time\":1234") + "\n");

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.events()).hasSize(1);
        JournalEvent event = contents.events().get(0);
        assertThat(event.time()).isEqualTo(1234);
        decoded.accept(event);
        assertThat(event.toString()).isEqualTo(line.replace("\"time\":T", "\"time\":1234"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void aLineWithoutItsTimeOrWithFieldsOfAnotherTypeStillDecodes(
            String name, String line, Consumer<JournalWriter> write, Consumer<JournalEvent> decoded) {
        Map<String, Object> fields = Json.parseObject(line.replace("\"time\":T,", ""));
        fields.replaceAll((key, value) -> key.equals("event") ? value : Map.of("unexpected", List.of()));

        JournalContents contents = JournalTail.parse(Json.write(fields) + "\n");

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.events()).hasSize(1);
        assertThat(contents.events().get(0).time()).isZero();
    }
}
