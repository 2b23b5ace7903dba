package dev.memprobe.recorder;

import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A recorder on a real journal file in a test's folder, and what it wrote, as "event class method" lines. */
final class Journals {

    private Journals() {}

    static Recorder recorder(Path folder) throws IOException {
        return Recorder.open(
                folder.toFile(), "1", new Meters(new ClassMeter(new ProcStatus(), new GcWatcher(), false)));
    }

    static Path file(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jsonl"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The journal's events with the test in flight kept beside it, as the plugin reads a recorded journal. */
    static List<JournalEvent> events(Path folder) throws IOException {
        Path file = file(folder);
        JournalContents contents = JournalTail.read(file);
        TestInFlight.Running running = TestInFlight.read(TestInFlight.beside(file.toFile()));
        return running == null
                ? contents.events()
                : contents.withTestInFlight(running.classSeq(), running.method(), running.started())
                        .events();
    }

    /** The journal's own lines, as {@link #lines}, without the test in flight. */
    static List<String> journalLines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        for (JournalEvent event : JournalTail.read(file(folder)).events()) {
            lines.add(Describe.of(event));
        }
        return lines;
    }

    /** Each event as {@code type class#method}, without the fork line. */
    static List<String> lines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        for (JournalEvent event : events(folder)) {
            lines.add(Describe.of(event));
        }
        return lines;
    }
}
