package dev.memprobe.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.ErrorEvent;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.recorder.Recorder.Source;
import dev.memprobe.recorder.samples.FirstClassHog;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The error line of a fork whose framework thread ends of memory: in a real JVM whose first class fills the heap
 * (nothing on the death path was used before), and the recorder's rules for which uncaught ends it journals.
 */
class LastWordsTest {

    @TempDir
    Path folder;

    @Test
    void aJvmWhoseFirstClassFillsTheHeapJournalsTheMemoryErrorOfThatClass() throws Exception {
        for (int run = 1; run <= 3; run++) {
            Path journals = folder.resolve("run" + run);
            Process jvm = new ProcessBuilder(
                            Paths.get(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx32m",
                            "-cp",
                            classpath(),
                            "-Dmemprobe.record.dir=" + journals,
                            "-Dmemprobe.record.fork=n1",
                            FirstClassHog.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("run" + run + ".log").toFile())
                    .start();
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();

            List<JournalEvent> events = Journals.events(journals);
            JournalEvent last = events.get(events.size() - 1);
            assertThat(last).as("run %d: %s", run, Journals.lines(journals)).isInstanceOf(ErrorEvent.class);
            ErrorEvent error = (ErrorEvent) last;
            assertThat(error.className()).isEqualTo("it.BoomTest");
            assertThat(error.method()).isNull();
            assertThat(error.problem().describe()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
            assertThat(new String(Files.readAllBytes(folder.resolve("run" + run + ".log"))))
                    .as("the JVM's own message stays")
                    .contains("Exception in thread \"main\" java.lang.OutOfMemoryError");
            try (Stream<Path> files = Files.list(journals)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("the prepared lines' file is gone")
                        .allMatch(name -> name.endsWith(".jsonl") || name.endsWith(TestInFlight.SUFFIX));
            }
        }
    }

    @Test
    void theFrameworkThreadEndingOfMemoryIsJournaledOnceAndTheShutdownHasNothingToAdd() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        recorder.classStarted(Source.PLATFORM, "a.BoomTest");
        recorder.testStarted(Source.PLATFORM, "a.BoomTest", "fills");

        recorder.uncaught(Thread.currentThread(), new OutOfMemoryError("Java heap space"));
        recorder.uncaught(Thread.currentThread(), new OutOfMemoryError("Java heap space"));
        recorder.shutdown();

        assertThat(Journals.lines(folder))
                .containsExactly(
                        "class-start BoomTest",
                        "test-start BoomTest#fills",
                        "error BoomTest#fills java.lang.OutOfMemoryError");
        ErrorEvent error = (ErrorEvent) Journals.events(folder).get(2);
        assertThat(error.className()).isEqualTo("a.BoomTest");
        assertThat(error.method()).isEqualTo("fills");
    }

    @Test
    void anotherThreadEndingOfMemoryOrTheFrameworkThreadEndingOfSomethingElseIsLeftToTheShutdown() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        recorder.classStarted(Source.PLATFORM, "a.BoomTest");
        Thread helper = new Thread(() -> {});

        recorder.uncaught(helper, new OutOfMemoryError("Java heap space"));
        recorder.uncaught(Thread.currentThread(), new IllegalStateException("not memory"));
        recorder.shutdown();

        assertThat(Journals.lines(folder)).containsExactly("class-start BoomTest", "shutdown UNKNOWN BoomTest#null");
    }

    @Test
    void theHandlerThatWasThereStillGetsTheThrowable() {
        List<Throwable> seen = new ArrayList<>();
        Throwable problem = new OutOfMemoryError("Java heap space");
        Recorder off = Recorder.get();

        new LastWords(off, (thread, t) -> seen.add(t)).uncaughtException(Thread.currentThread(), problem);

        assertThat(seen).containsExactly(problem);
    }

    @Test
    void preparingTheLastLinesLeavesNothingInTheFolder() throws Exception {
        JournalWriter.open(folder.resolve("fork1-pid1-1.jsonl").toFile()).close();

        LastWords.prepare(folder.toFile());

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("fork1-pid1-1.jsonl");
        }
    }

    private static String classpath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : new Class<?>[] {Recorder.class, JournalWriter.class, FirstClassHog.class}) {
            entries.add(new File(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getPath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
