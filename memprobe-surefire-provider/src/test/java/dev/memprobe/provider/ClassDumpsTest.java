package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.memprobe.journal.HeapDumpEvent;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.ThreadsLeftEvent;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real heap dumps of this JVM and real threads, journaled as the plugin asked. */
class ClassDumpsTest {

    @TempDir
    Path folder;

    private JournalWriter journal;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch waiting = new CountDownLatch(1);

    @BeforeEach
    void openJournal() throws IOException {
        journal = JournalWriter.open(folder.resolve("journal.jsonl").toFile());
    }

    @AfterEach
    void closeJournal() {
        release.countDown();
        journal.close();
    }

    @Test
    void aPolluterGetsABaselineBeforeItAndADumpAfterItWithTheThreadsItLeftRunning() throws Exception {
        ClassDumps dumps = new ClassDumps(journal, folder.toFile(), Set.of("a.Polluter"), Set.of(), false);

        dumps.starting("a.Polluter");
        Thread poller = new Thread(this::waitForTheEnd, "poller-0");
        poller.setDaemon(true);
        poller.start();
        waiting.await();
        dumps.ended("a.Polluter");

        List<JournalEvent> events = events();
        assertThat(events).hasSize(3);
        HeapDumpEvent baseline = (HeapDumpEvent) events.get(0);
        ThreadsLeftEvent left = (ThreadsLeftEvent) events.get(1);
        HeapDumpEvent end = (HeapDumpEvent) events.get(2);
        assertThat(baseline.phase()).isEqualTo(HeapDumpEvent.Phase.START);
        assertThat(end.phase()).isEqualTo(HeapDumpEvent.Phase.END);
        for (HeapDumpEvent dump : List.of(baseline, end)) {
            assertThat(dump.className()).isEqualTo("a.Polluter");
            assertThat(new File(dump.file())).isFile().hasSize(dump.bytes());
            assertThat(dump.file()).endsWith(".hprof").startsWith(folder.toString());
            assertThat(dump.millis()).isNotNegative();
            assertThat(dump.skipped()).isNull();
        }
        assertThat(baseline.file()).isNotEqualTo(end.file());
        assertThat(left.count()).isEqualTo(1);
        assertThat(left.threads().get(0).name()).isEqualTo("poller-0");
        assertThat(left.threads().get(0).daemon()).isTrue();
        assertThat(left.threads().get(0).runs()).startsWith(ClassDumpsTest.class.getName() + ".waitForTheEnd(");
    }

    @Test
    void withThreadStartsOnAThreadLeftRunningSaysWhereItWasStartedAndNoRecordingIsLeftOnDisk() throws Exception {
        ClassDumps dumps = new ClassDumps(journal, folder.toFile(), Set.of("a.Polluter"), Set.of(), true);

        dumps.starting("a.Polluter");
        startPoller();
        waiting.await();
        dumps.ended("a.Polluter");

        ThreadsLeftEvent left = (ThreadsLeftEvent) events().get(1);
        assertThat(left.threads()).hasSize(1);
        assertThat(left.threads().get(0).runs()).startsWith(ClassDumpsTest.class.getName() + ".waitForTheEnd(");
        assertThat(left.threads().get(0).startedBy())
                .isEqualTo(ClassDumpsTest.class.getName() + ".startPoller(ClassDumpsTest.java:" + pollerStarted + ")");
        assertThat(folder.toFile().list()).noneMatch(name -> name.endsWith(".jfr"));
    }

    /** The line of {@link #startPoller}'s {@code start()}. */
    private int pollerStarted;

    private void startPoller() {
        Thread poller = new Thread(this::waitForTheEnd, "poller-0");
        poller.setDaemon(true);
        pollerStarted = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        poller.start();
    }

    @Test
    void onlyTheFirstPolluterGetsTheBaselineAndOtherClassesNothing() throws Exception {
        ClassDumps dumps = new ClassDumps(journal, folder.toFile(), Set.of("a.One", "a.Two"), Set.of(), false);

        dumps.starting("a.One");
        dumps.ended("a.One");
        dumps.starting("a.Plain");
        dumps.ended("a.Plain");
        dumps.starting("a.Two");
        dumps.ended("a.Two");

        assertThat(events().stream()
                        .filter(e -> e instanceof HeapDumpEvent)
                        .map(e -> ((HeapDumpEvent) e).className() + " " + ((HeapDumpEvent) e).phase()))
                .containsExactly("a.One START", "a.One END", "a.Two END");
    }

    @Test
    void aDirectBufferErrorIsDumpedWhenItReachesTheProviderSinceTheJvmWritesNoDumpForIt() throws Exception {
        ClassDumps dumps = new ClassDumps(journal, folder.toFile(), Set.of(), Set.of("a.Hog"), false);

        dumps.starting("a.Hog");
        dumps.memoryError("a.Hog", new OutOfMemoryError("Cannot reserve 8192 bytes of direct buffer memory"));
        dumps.memoryError("a.Hog", new OutOfMemoryError("Cannot reserve 8192 bytes of direct buffer memory"));
        dumps.ended("a.Hog");

        List<JournalEvent> events = events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ThreadsLeftEvent.class);
        HeapDumpEvent dump = (HeapDumpEvent) events.get(1);
        assertThat(dump.phase()).isEqualTo(HeapDumpEvent.Phase.ERROR);
        assertThat(new File(dump.file())).isFile();
    }

    @Test
    void outOfNativeThreadsTheThreadsAreListedAndNoDumpIsTried() throws Exception {
        ClassDumps dumps = new ClassDumps(journal, folder.toFile(), Set.of(), Set.of("a.Hog"), false);

        dumps.starting("a.Hog");
        dumps.memoryError(
                "a.Hog",
                new IllegalStateException(
                        "wrapped", new OutOfMemoryError("unable to create native thread: possibly out of memory")));

        List<JournalEvent> events = events();
        assertThat(events).hasSize(2);
        HeapDumpEvent dump = (HeapDumpEvent) events.get(1);
        assertThat(dump.file()).isNull();
        assertThat(dump.skipped()).contains("native threads");
        assertThat(folder.toFile().list((dir, name) -> name.endsWith(".hprof"))).isEmpty();
    }

    @Test
    void aHogThatEndsWithoutAnErrorLeavesNoDumpAndTheJvmsFlagsAsTheyWere() throws Exception {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = vm.getVMOption("HeapDumpOnOutOfMemoryError").getValue();
        ClassDumps dumps = new ClassDumps(journal, folder.toFile(), Set.of(), Set.of("a.Hog"), false);

        dumps.starting("a.Hog");
        String during = vm.getVMOption("HeapDumpOnOutOfMemoryError").getValue();
        String path = vm.getVMOption("HeapDumpPath").getValue();
        dumps.ended("a.Hog");
        dumps.memoryError("a.Other", new OutOfMemoryError("Java heap space"));

        assertThat(during).isEqualTo("true");
        assertThat(path).startsWith(folder.toString()).endsWith("-Hog-error.hprof");
        assertThat(vm.getVMOption("HeapDumpOnOutOfMemoryError").getValue()).isEqualTo(before);
        assertThat(events()).isEmpty();
    }

    private List<JournalEvent> events() {
        return JournalTail.read(folder.resolve("journal.jsonl")).events();
    }

    private void waitForTheEnd() {
        waiting.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
