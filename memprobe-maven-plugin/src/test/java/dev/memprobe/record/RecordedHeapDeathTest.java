package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.Death;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork of the project's run that died of the heap in its first class's {@code @BeforeAll} under the JUnit Platform
 * (which rethrows the error, so no class end comes): from the recorder's error line, else from Surefire's dump; with
 * neither, nothing says it was memory.
 */
class RecordedHeapDeathTest {

    private static final String GOODBYE = "Process Exit Code: 1\n";

    @TempDir
    Path build;

    @Test
    void theRecordersErrorLineNamesTheHeapAndTheClassOutsideItsTests() throws IOException {
        Path folder = execution();
        try (JournalWriter fork = journal(folder)) {
            fork.error("a.BoomTest", null, new Problem("java.lang.OutOfMemoryError", "Java heap space"), null);
        }

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(death.exitCode()).isEqualTo(1);
        assertThat(death.inFlightClass()).isEqualTo("a.BoomTest");
        assertThat(death.inFlightMethod()).isNull();
        assertThat(death.evidence()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void withoutALastLineSurefiresDumpOfTheForkSaysItWasTheHeap() throws IOException {
        Path folder = execution();
        journal(folder).close();
        Path reports = Files.createDirectories(build.resolve("surefire-reports"));
        Files.writeString(
                reports.resolve("2026-12-03T10-00-00_000-jvmRun1.dump"),
                "# Created at 2026-12-03T10:00:01.000\njava.lang.OutOfMemoryError: Java heap space\n\tat a.BoomTest.fill\n");

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(death.inFlightClass()).isEqualTo("a.BoomTest");
        assertThat(death.evidence())
                .contains("java.lang.OutOfMemoryError: Java heap space")
                .contains("jvmRun1.dump");
    }

    @Test
    void withoutALastLineOrADumpTheDeathIsTheForksErrorNotAGuessedOne() throws IOException {
        Path folder = execution();
        journal(folder).close();

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.FORK_ERROR);
        assertThat(death.inFlightClass()).isEqualTo("a.BoomTest");
    }

    /** A fork that started a.BoomTest first, and nothing after it unless the test adds it. */
    private static JournalWriter journal(Path folder) throws IOException {
        JournalWriter fork =
                JournalWriter.open(folder.resolve("fork1-pid11-100.jsonl").toFile());
        fork.fork(11, "17", "v", "vm", 64L << 20, List.of("G1"), true, 100, false);
        fork.plan(List.of("a.BoomTest", "a.AlphaTest"));
        fork.classStart("a.BoomTest", 1);
        return fork;
    }

    private Death onlyDeath() {
        Recording recording = Recording.read(Recording.folderOf(build), Optional.empty());
        RecordingAnalysis analysis = RecordingAnalysis.of(recording.executions().get(0), recording.forks());
        assertThat(analysis.deaths()).hasSize(1);
        return analysis.deaths().get(0).result().death();
    }

    private Path execution() throws IOException {
        Path folder = Recording.folderOf(build).resolve("surefire-default-test");
        new ExecutionRecord(
                        "it:app",
                        "1.0",
                        "maven-surefire-plugin",
                        "3.6.1",
                        "test",
                        "default-test",
                        "junit-platform",
                        "1",
                        true,
                        false,
                        1_000,
                        42,
                        build.resolve("surefire-reports").toString(),
                        new ExecutionRecord.Container("cgroup v2 /sys/fs/cgroup", -1, -1, -1, 0),
                        9_000,
                        "failed",
                        "The forked VM terminated without properly saying goodbye. VM crash or System.exit called?\n"
                                + GOODBYE,
                        new ExecutionRecord.Container("cgroup v2 /sys/fs/cgroup", -1, -1, -1, 0),
                        MemorySampler.Peaks.NONE,
                        List.of("a.BoomTest", "a.AlphaTest"))
                .write(folder);
        return folder;
    }
}
