package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.JournalWriter;
import dev.memprobe.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording whose JUnit Platform forks heard no test: the project's {@code junit.platform.execution.listeners
 * .deactivate} switched memprobe's listener off, and only the launcher session's listener opened the journals.
 */
class ListenerOffTest {

    @TempDir
    Path build;

    @Test
    void platformForksThatEndedWithoutAPlanOrAClassSayTheListenerWasSwitchedOff() throws IOException {
        Path folder = execution("junit-platform");
        silentFork(folder, 1, 11);
        silentFork(folder, 2, 12);

        RecordingAnalysis analysis = analysis();

        assertThat(analysis.listenerOff()).isTrue();
        assertThat(analysis.failed()).isFalse();
        assertThat(PostMortem.listenerOff(analysis))
                .startsWith("surefire:test (default-test) recorded no test class in its 2 forks")
                .contains("junit.platform.execution.listeners.deactivate")
                .contains("dev.memprobe.recorder.PlatformListener")
                .doesNotContain("\n");
        Report report = RecordingReport.build(List.of(analysis), "it:app", "1.0", "now", null, -1, 1_000);
        assertThat(report.findings()).extracting(Report.FindingEntry::kind).containsExactly("listener-off");
    }

    @Test
    void aForkThatJournaledAClassHeardTheFramework() throws IOException {
        Path folder = execution("junit-platform");
        silentFork(folder, 1, 11);
        try (JournalWriter fork =
                JournalWriter.open(folder.resolve("fork2-pid12-101.jsonl").toFile())) {
            fork.fork(12, "17", "v", "vm", 1L << 30, List.of("G1"), true, 101, false);
            fork.plan(List.of("a.ATest"));
            fork.classStart("a.ATest", 1);
            fork.classEnd("a.ATest", 1, dev.memprobe.journal.TestCounts.NONE, null, null);
            fork.runEnd(1);
        }

        assertThat(analysis().listenerOff()).isFalse();
    }

    @Test
    void aForkThatDiedBeforeItsFirstClassIsADeathNotASilentListener() throws IOException {
        Path folder = execution("junit-platform");
        try (JournalWriter fork =
                JournalWriter.open(folder.resolve("fork1-pid11-100.jsonl").toFile())) {
            fork.fork(11, "17", "v", "vm", 1L << 30, List.of("G1"), true, 100, false);
        }

        RecordingAnalysis analysis = analysis();

        assertThat(analysis.listenerOff()).isFalse();
        assertThat(analysis.deaths()).hasSize(1);
    }

    @Test
    void onlyThePlatformsListenerCanBeSwitchedOffThatWay() throws IOException {
        Path folder = execution("junit4");
        silentFork(folder, 1, 11);

        assertThat(analysis().listenerOff()).isFalse();
    }

    private RecordingAnalysis analysis() {
        Recording recording = Recording.read(Recording.folderOf(build), Optional.empty());
        return RecordingAnalysis.of(recording.executions().get(0), recording.forks());
    }

    /** A fork whose recorder opened and closed with no framework event in between. */
    private static void silentFork(Path folder, int number, long pid) throws IOException {
        try (JournalWriter fork =
                JournalWriter.open(folder.resolve("fork" + number + "-pid" + pid + "-" + (100 + number) + ".jsonl")
                        .toFile())) {
            fork.fork(pid, "17", "v", "vm", 1L << 30, List.of("G1"), true, 100 + number, false);
            fork.runEnd(0);
        }
    }

    private Path execution(String provider) throws IOException {
        Path folder = Recording.folderOf(build).resolve("surefire-default-test");
        new ExecutionRecord(
                        "it:app",
                        "1.0",
                        "maven-surefire-plugin",
                        "3.5.4",
                        "test",
                        "default-test",
                        provider,
                        "2",
                        true,
                        false,
                        1_000,
                        42,
                        build.resolve("surefire-reports").toString(),
                        null,
                        9_000,
                        "succeeded",
                        null,
                        null,
                        MemorySampler.Peaks.NONE,
                        List.of())
                .write(folder);
        return folder;
    }
}
