package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.Death;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.ShutdownTrigger;
import dev.memprobe.journal.TestCounts;
import dev.memprobe.journal.TestStatus;
import dev.memprobe.recorder.TestInFlight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signals a recorded fork can die of, told apart as the issue asks: the CI runner's SIGTERM (143: the JVM ran its
 * shutdown hooks, the recorder wrote its shutdown line) and a SIGKILL (137: no shutdown line), whose sender the
 * container's OOM counter names.
 */
class RecordedSignalsTest {

    @TempDir
    Path build;

    @Test
    void theCiRunnersSigtermIsTerminatedNotKilled() throws IOException {
        Path folder = execution("Process Exit Code: 143\nCrashed tests:\na.SlowTest\n", 0, 0);
        try (JournalWriter fork =
                JournalWriter.open(folder.resolve("fork1-pid11-100.jsonl").toFile())) {
            fork.fork(11, "17", "v", "vm", 1L << 30, List.of("G1"), true, 100, false);
            fork.classStart("a.SlowTest", 1);
            fork.testStart("a.SlowTest", "waits");
            fork.shutdown(ShutdownTrigger.SIGNAL, null, "a.SlowTest", "waits", null);
        }

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.TERMINATED);
        assertThat(death.exitCode()).isEqualTo(143);
        assertThat(death.inFlightClass()).isEqualTo("a.SlowTest");
        assertThat(death.inFlightMethod()).isEqualTo("waits");
    }

    @Test
    void aSigkillTheOomCounterDidNotCountWasSentByAnotherProcess() throws IOException {
        Path folder = execution("Process Exit Code: 137\nCrashed tests:\na.SlowTest\n", 3, 3);
        try (JournalWriter fork =
                JournalWriter.open(folder.resolve("fork1-pid11-100.jsonl").toFile())) {
            fork.fork(11, "17", "v", "vm", 1L << 30, List.of("G1"), true, 100, false);
            fork.classStart("a.SlowTest", 1);
            fork.testStart("a.SlowTest", "waits");
        }

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.KILLED);
        assertThat(death.exitCode()).isEqualTo(137);
        assertThat(death.evidence()).contains("not the kernel's OOM killer").contains("stayed at 3");
    }

    @Test
    void theTestInFlightOfAKilledForkIsTheOneItsRecorderKeptBesideTheJournal() throws IOException {
        Path folder = execution("Process Exit Code: 137\nCrashed tests:\na.SlowTest\n", 0, 0);
        Path journal = folder.resolve("fork1-pid11-100.jsonl");
        TestInFlight tests = TestInFlight.create(TestInFlight.beside(journal.toFile()));
        try (JournalWriter fork = JournalWriter.open(journal.toFile())) {
            fork.fork(11, "17", "v", "vm", 1L << 30, List.of("G1"), true, 100, false);
            fork.classStart("a.FastTest", 1);
            tests.started(1, "passes");
            tests.ended();
            fork.classEnd("a.FastTest", 1, TestCounts.NONE.plus(TestStatus.PASSED), null, null);
            fork.classStart("a.SlowTest", 2);
            tests.started(2, "first");
            tests.ended();
            fork.testEnd("a.SlowTest", "first", TestStatus.FAILED, null, null);
            tests.started(2, "waits");
        }

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.KILLED);
        assertThat(death.inFlightClass()).isEqualTo("a.SlowTest");
        assertThat(death.inFlightMethod()).isEqualTo("waits");

        tests.ended(); // killed between two tests
        assertThat(onlyDeath().inFlightMethod()).isNull();
        assertThat(onlyDeath().inFlightClass()).isEqualTo("a.SlowTest");
    }

    private Death onlyDeath() {
        Recording recording = Recording.read(Recording.folderOf(build), Optional.empty());
        RecordingAnalysis analysis = RecordingAnalysis.of(recording.executions().get(0), recording.forks());
        assertThat(analysis.deaths()).hasSize(1);
        return analysis.deaths().get(0).result().death();
    }

    private Path execution(String surefire, long oomKillsBefore, long oomKillsAfter) throws IOException {
        Path folder = Recording.folderOf(build).resolve("surefire-default-test");
        new ExecutionRecord(
                        "it:app",
                        "1.0",
                        "maven-surefire-plugin",
                        "3.5.4",
                        "test",
                        "default-test",
                        "junit-platform",
                        "1",
                        true,
                        false,
                        1_000,
                        42,
                        build.resolve("surefire-reports").toString(),
                        new ExecutionRecord.Container("cgroup v2 /sys/fs/cgroup", -1, -1, -1, oomKillsBefore),
                        9_000,
                        "failed",
                        "The forked VM terminated without properly saying goodbye. VM crash or System.exit called?\n"
                                + surefire,
                        new ExecutionRecord.Container("cgroup v2 /sys/fs/cgroup", -1, -1, -1, oomKillsAfter),
                        MemorySampler.Peaks.NONE,
                        List.of("a.SlowTest"))
                .write(folder);
        return folder;
    }
}
