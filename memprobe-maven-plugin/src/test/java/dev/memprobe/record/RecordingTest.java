package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.ForkRunner;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.Purpose;
import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.TestCounts;
import dev.memprobe.journal.TestStatus;
import dev.memprobe.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording on disk as the extension and the recorder leave it: an execution.json and a journal per fork, one that
 * finished and one the kernel's OOM killer took (no shutdown line, the container's oom_kill count up by one).
 */
class RecordingTest {

    @TempDir
    Path build;

    private Path record;

    @BeforeEach
    void recordTwoForks() throws IOException {
        record = Recording.folderOf(build);
        Path folder = record.resolve("surefire-default-test");
        ExecutionRecord.Container before =
                new ExecutionRecord.Container("cgroup v2 /sys/fs/cgroup", 4L << 30, 1, -1, 0);
        ExecutionRecord.Container after =
                new ExecutionRecord.Container("cgroup v2 /sys/fs/cgroup", 4L << 30, 1, 4L << 30, 1);
        new ExecutionRecord(
                        "it:app",
                        "1.0",
                        "maven-surefire-plugin",
                        "3.5.4",
                        "test",
                        "default-test",
                        "junit-platform",
                        "2",
                        true,
                        false,
                        1_000,
                        42,
                        build.resolve("surefire-reports").toString(),
                        before,
                        9_000,
                        "failed",
                        "The forked VM terminated without properly saying goodbye.\nProcess Exit Code: 137\n",
                        after,
                        MemorySampler.Peaks.NONE,
                        List.of("a.ATest", "a.BTest", "a.CacheTest", "a.HogTest", "a.LaterTest"))
                .write(folder);
        try (JournalWriter fork1 =
                JournalWriter.open(folder.resolve("fork1-pid11-100.jsonl").toFile())) {
            fork1.fork(11, "17", "v", "vm", 1L << 30, List.of("G1"), true, 100, false);
            ran(fork1, "a.CacheTest", 1, 200L << 20);
            fork1.classStart("a.HogTest", 2);
            fork1.testStart("a.HogTest", "fill");
        }
        try (JournalWriter fork2 =
                JournalWriter.open(folder.resolve("fork2-pid12-101.jsonl").toFile())) {
            fork2.fork(12, "17", "v", "vm", 1L << 30, List.of("G1"), true, 101, false);
            ran(fork2, "a.ATest", 1, 10L << 20);
            ran(fork2, "a.BTest", 2, 12L << 20);
            fork2.runEnd(2);
        }
    }

    private static void ran(JournalWriter journal, String name, int seq, long heapEnd) {
        journal.classStart(name, seq);
        journal.testStart(name, "one");
        journal.testEnd(name, "one", TestStatus.PASSED, 5, null);
        journal.classEnd(
                name,
                seq,
                new TestCounts(1, 0, 0, 0),
                Measures.builder()
                        .set(dev.memprobe.journal.MeasureField.HEAP_END, heapEnd)
                        .set(dev.memprobe.journal.MeasureField.HEAP_PEAK, heapEnd)
                        .build(),
                null);
    }

    @Test
    void theForkTheOomKillerTookDiedWithItsClassInFlightAndTheProof() {
        Recording recording = Recording.read(record, Optional.empty());

        assertThat(recording.forks()).hasSize(2);
        ForkResult dead = recording.forks().get(0).result();
        assertThat(dead.death().cause()).isEqualTo(Cause.KILLED);
        assertThat(dead.death().exitCode()).isEqualTo(137);
        assertThat(dead.death().inFlightClass()).isEqualTo("a.HogTest");
        assertThat(dead.death().inFlightMethod()).isEqualTo("fill");
        assertThat(dead.death().evidence())
                .contains("it was the kernel's OOM killer")
                .contains("from 0 to 1");
        assertThat(recording.forks().get(1).died()).isFalse();
    }

    @Test
    void readingOnceReadsEachJournalOnceForTheSameRecording() throws IOException {
        Function<Path, JournalContents> journals = Recording.readingOnce();

        Recording once = Recording.read(record, Optional.empty(), journals);
        // the end reads the recording again when a fork died: the journals it read are not read again (here, the
        // second one emptied in between shows it)
        Files.writeString(record.resolve("surefire-default-test").resolve("fork2-pid12-101.jsonl"), "");
        Recording again = Recording.read(record, Optional.empty(), journals);

        assertThat(again.forks())
                .extracting(RecordedFork::result)
                .isEqualTo(once.forks().stream().map(RecordedFork::result).toList());
        assertThat(again.forks().get(1).result().classes())
                .extracting(ClassRun::name)
                .containsExactly("a.ATest", "a.BTest");
        assertThat(Recording.read(record, Optional.empty())
                        .forks()
                        .get(1)
                        .result()
                        .classes())
                .isEmpty();
    }

    @Test
    void thePostMortemNamesTheDeathTheUnrunClassesAndTheContainer() {
        Recording recording = Recording.read(record, Optional.empty());
        RecordingAnalysis analysis = RecordingAnalysis.of(recording.executions().get(0), recording.forks());

        List<String> lines = PostMortem.lines(analysis, Optional.empty(), "mvn settle", "report.html");

        assertThat(analysis.notRun()).containsExactly("a.LaterTest");
        assertThat(lines.get(0)).isEqualTo("memprobe post-mortem of surefire:test (default-test) (2 forks recorded):");
        assertThat(lines.get(1))
                .startsWith(
                        "  fork 1 (pid 11) died: killed by SIGKILL from outside (exit 137), while a.HogTest#fill ran; ");
        // the exit code once: the cause says it, and the evidence
        assertThat(lines.get(1).split("137", -1)).hasSizeLessThanOrEqualTo(3);
        assertThat(lines).contains("  not run: a.LaterTest (1 class the death left unrun)");
        assertThat(lines).anyMatch(l -> l.contains("OOM kills 0 -> 1: the kernel's OOM killer acted"));
        assertThat(lines).endsWith("  settle it: mvn settle", "  report: report.html");
    }

    @Test
    void theReportHasAProbePerForkAndEachClassWithItsFork() {
        Recording recording = Recording.read(record, Optional.empty());
        RecordingAnalysis analysis = RecordingAnalysis.of(recording.executions().get(0), recording.forks());

        Report report = RecordingReport.build(List.of(analysis), "it:app", "1.0", "now", null, -1, 8_000);

        assertThat(report.settings().strategy()).isEqualTo("record");
        assertThat(report.verdict()).isEqualTo("inconclusive");
        assertThat(report.probes()).allMatch(Report.ProbeEntry::recorded).hasSize(2);
        assertThat(report.classes())
                .extracting(Report.ClassEntry::name, Report.ClassEntry::fork)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("a.CacheTest", "1"),
                        org.assertj.core.groups.Tuple.tuple("a.ATest", "2"));
        assertThat(report.findings()).extracting(Report.FindingEntry::kind).contains("recorded-death", "not-run");
        assertThat(report.settings().runnerMemoryBytes()).isEqualTo(4L << 30);
    }

    @Test
    void aBisectFromTheRecordingStartsFromTheDeadForkAndDoesNotRunWhatOtherForksFinished() {
        Recording recording = Recording.read(record, Optional.empty());
        List<Probe> ran = new ArrayList<>();
        ForkRunner forks = probe -> {
            ran.add(probe);
            return new ForkResult(probe, List.of(), List.of(), null, 1, null, List.of());
        };
        FirstProbeFromRecording runner = new FirstProbeFromRecording(forks, recording.forks());
        List<String> suite = List.of("a.ATest", "a.BTest", "a.CacheTest", "a.HogTest", "a.LaterTest");

        ForkResult first = runner.run(new Probe(1, suite, new Purpose.WholeSuite(5), true, Set.of(), false));
        runner.run(new Probe(2, List.of("a.HogTest"), new Purpose.Alone("a.HogTest"), false, Set.of(), true));

        assertThat(ran).extracting(Probe::id).containsExactly(2);
        assertThat(first.probe().purpose()).isInstanceOf(Purpose.Recorded.class);
        assertThat(first.failure().orElseThrow().victim()).isEqualTo("a.HogTest");
        assertThat(first.startedBefore("a.HogTest")).containsExactly("a.CacheTest");
        assertThat(first.notFinished("a.HogTest")).containsExactly("a.LaterTest");
        assertThat(first.run("a.ATest")).isPresent();
    }

    @Test
    void aJournalLineThatCannotBeReadIsOneNoteAndTheRestIsRead() throws IOException {
        Path journal = record.resolve("surefire-default-test").resolve("fork2-pid12-101.jsonl");
        java.nio.file.Files.writeString(journal, "{not a journal line\n", java.nio.file.StandardOpenOption.APPEND);

        Recording recording = Recording.read(record, Optional.empty());

        assertThat(recording.notes())
                .singleElement()
                .asString()
                .contains("fork2-pid12-101.jsonl has 1 line that could not be read")
                .doesNotContain("\n");
        assertThat(recording.forks().get(1).result().classes()).hasSize(2);
    }

    @Test
    void anExecutionRecordReadsBackAsWritten() throws IOException {
        ExecutionRecord written =
                Recording.read(record, Optional.empty()).executions().get(0);
        Path copy = build.resolve("copy");
        written.write(copy);

        assertThat(ExecutionRecord.read(copy)).isEqualTo(written);
        assertThat(written.label()).isEqualTo("surefire:test (default-test)");
        assertThat(Map.of("k", written.endedInMaven())).containsEntry("k", true);
    }
}
