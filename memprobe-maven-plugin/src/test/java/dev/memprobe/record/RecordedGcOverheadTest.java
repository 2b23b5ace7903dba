package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.Death;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.Problem;
import dev.memprobe.journal.ShutdownTrigger;
import dev.memprobe.journal.TestCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded fork that was past saving (its {@code gc-overhead} line): a recording only reports it, so the fork goes
 * on; the post-mortem of its death, or of the run it survived, names the crawl. Real journals and records on disk.
 */
class RecordedGcOverheadTest {

    private static final String CRAWL = "past saving while a.CacheTest#fills ran: 94% of the last 10 s in GC"
            + " (1,024 collections), at least 60 MiB of 64 MiB live after each";

    @TempDir
    Path build;

    @Test
    void aForkThatCrawledBeforeItsHeapErrorDiesOfTheHeapAndTheEvidenceNamesTheCrawl() throws IOException {
        Path folder = execution("Process Exit Code: 1\n", "failed");
        try (JournalWriter fork = crawling(folder)) {
            fork.error("a.CacheTest", "fills", new Problem("java.lang.OutOfMemoryError", "Java heap space"), null);
        }

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(death.inFlightClass()).isEqualTo("a.CacheTest");
        assertThat(death.evidence())
                .startsWith("java.lang.OutOfMemoryError: Java heap space; before that, it was " + CRAWL)
                .contains("memprobe only reports this in a recording");
    }

    @Test
    void aForkTheCiRunnerStoppedWhileItCrawledIsTerminatedAndTheEvidenceNamesTheCrawl() throws IOException {
        Path folder = execution("Process Exit Code: 143\n", "failed");
        try (JournalWriter fork = crawling(folder)) {
            fork.shutdown(ShutdownTrigger.SIGNAL, "SIGTERM", "a.CacheTest", "fills", null);
        }

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.TERMINATED);
        assertThat(death.evidence()).contains("before that, it was " + CRAWL);
    }

    @Test
    void aForkSurefiresTimeoutEndedWhileItCrawledTimedOutAndTheEvidenceNamesTheCrawl() throws IOException {
        Path folder = execution("There was a timeout in the fork\n", "failed");
        try (JournalWriter fork = crawling(folder)) {
            fork.nearLimit("a.CacheTest", "fills", "G1 Old Gen", 60L << 20, 64L << 20);
        }

        Death death = onlyDeath();

        assertThat(death.cause()).isEqualTo(Cause.TIMEOUT);
        assertThat(death.inFlightClass()).isEqualTo("a.CacheTest");
        assertThat(death.inFlightMethod()).isEqualTo("fills");
        assertThat(death.evidence())
                .startsWith("Surefire ended the fork when its forkedProcessTimeoutInSeconds ran out")
                .contains("G1 Old Gen held 60 MiB of 64 MiB after a collection")
                .contains("before that, it was " + CRAWL);
    }

    @Test
    void aForkThatCrawledAndFinishedIsNoDeathAndThePostMortemSaysItWentOn() throws IOException {
        Path folder = execution("", "succeeded");
        try (JournalWriter fork = crawling(folder)) {
            fork.testEnd("a.CacheTest", "fills", dev.memprobe.journal.TestStatus.PASSED, 20_000, null);
            fork.classEnd(
                    "a.CacheTest",
                    1,
                    TestCounts.NONE.plus(dev.memprobe.journal.TestStatus.PASSED),
                    Measures.NONE,
                    null);
            fork.runEnd(1);
        }
        RecordingAnalysis analysis = analysis();

        assertThat(analysis.deaths()).isEmpty();
        assertThat(analysis.forks().get(0).pastSaving()).isEqualTo(CRAWL);
        assertThat(PostMortem.lines(analysis, Optional.empty(), "mvn memprobe:bisect", "report.html"))
                .contains("memprobe: fork 1 (pid 11) was " + CRAWL + ", and went on (a recording only reports it)");
    }

    /** A fork in a.CacheTest#fills that journaled it was past saving. */
    private static JournalWriter crawling(Path folder) throws IOException {
        JournalWriter fork =
                JournalWriter.open(folder.resolve("fork1-pid11-100.jsonl").toFile());
        fork.fork(11, "17", "v", "vm", 64L << 20, List.of("G1"), true, 100, false);
        fork.plan(List.of("a.CacheTest"));
        fork.classStart("a.CacheTest", 1);
        fork.testStart("a.CacheTest", "fills");
        fork.gcOverhead("a.CacheTest", "fills", 10_000, 9_400, 1_024, 60L << 20, 64L << 20, null);
        return fork;
    }

    private Death onlyDeath() {
        RecordingAnalysis analysis = analysis();
        assertThat(analysis.deaths()).hasSize(1);
        return analysis.deaths().get(0).result().death();
    }

    private RecordingAnalysis analysis() {
        Recording recording = Recording.read(Recording.folderOf(build), Optional.empty());
        return RecordingAnalysis.of(recording.executions().get(0), recording.forks());
    }

    private Path execution(String exit, String outcome) throws IOException {
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
                        outcome,
                        exit.isEmpty()
                                ? null
                                : exit.startsWith("There was")
                                        ? exit
                                        : "The forked VM terminated without properly saying goodbye. VM crash or"
                                                + " System.exit called?\n" + exit,
                        new ExecutionRecord.Container("cgroup v2 /sys/fs/cgroup", -1, -1, -1, 0),
                        MemorySampler.Peaks.NONE,
                        List.of("a.CacheTest"))
                .write(folder);
        return folder;
    }
}
