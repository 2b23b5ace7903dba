package dev.memprobe.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.Failure;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.Purpose;
import dev.memprobe.journal.JournalTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a fork's journal, with how the fork ended, becomes a verdict on the fork. */
class JournalInterpreterTest {

    private static final Probe PROBE =
            new Probe(1, List.of("a.One", "a.Two", "a.Three"), new Purpose.WholeSuite(3), true, Set.of(), true);

    private static final String FORK = "{\"event\":\"fork\",\"time\":1,\"format\":1,\"pid\":4242,\"java\":\"17.0.15\","
            + "\"vendor\":\"Debian\",\"vm\":\"OpenJDK\",\"maxHeap\":268435456,\"gcs\":[\"G1 Young Generation\"],"
            + "\"rssReset\":true}\n";
    private static final String PLAN =
            "{\"event\":\"plan\",\"time\":2,\"classes\":[\"a.One\",\"a.Two\",\"a.Three\"]}\n";

    private static String classStart(String name) {
        return "{\"event\":\"class-start\",\"time\":3,\"class\":\"" + name + "\",\"seq\":1}\n";
    }

    private static String testStart(String name, String method) {
        return "{\"event\":\"test-start\",\"time\":4,\"class\":\"" + name + "\",\"method\":\"" + method + "\"}\n";
    }

    private static String classEnd(String name, int failures) {
        return "{\"event\":\"class-end\",\"time\":9,\"class\":\"" + name + "\",\"seq\":1,\"tests\":2,\"failures\":"
                + failures + ",\"errors\":0,\"skipped\":0,\"ms\":12,\"heapPeak\":1000,\"liveMax\":500,"
                + "\"rssPeak\":90000,\"gcCount\":1,\"allocated\":700}\n";
    }

    private static final String RUN_END = "{\"event\":\"run-end\",\"time\":10,\"seq\":3}\n";

    private static ForkEnd goodbye() {
        return new ForkEnd(true, null, null, new ForkEnd.NoAction(), null, 100, -1);
    }

    private static ForkEnd crashed(Integer exit, ForkEnd.WatchdogAction action) {
        return new ForkEnd(
                false,
                exit,
                "The forked VM terminated without properly saying goodbye.\nProcess Exit Code: " + exit,
                action,
                null,
                100,
                -1);
    }

    private static ForkResult interpret(String journal, ForkEnd end) {
        return JournalInterpreter.interpret(PROBE, JournalTail.parse(journal), end);
    }

    @Test
    void aFinishedForkHasNoDeathAndEveryClassWithItsMeasurements() {
        ForkResult result = interpret(
                FORK
                        + PLAN
                        + classStart("a.One")
                        + classEnd("a.One", 0)
                        + classStart("a.Two")
                        + classEnd("a.Two", 1)
                        + classStart("a.Three")
                        + classEnd("a.Three", 0)
                        + RUN_END,
                goodbye());

        assertThat(result.death()).isNull();
        assertThat(result.failure()).isEmpty();
        assertThat(result.planned()).containsExactly("a.One", "a.Two", "a.Three");
        assertThat(result.classes())
                .extracting(ClassRun::name, ClassRun::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.One", ClassRun.Outcome.PASSED),
                        org.assertj.core.groups.Tuple.tuple("a.Two", ClassRun.Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("a.Three", ClassRun.Outcome.PASSED));
        ClassRun one = result.classes().get(0);
        assertThat(one.measure().heapPeak()).isEqualTo(1000);
        assertThat(one.measure().liveMax()).isEqualTo(500);
        assertThat(one.measure().allocated()).isEqualTo(700);
        assertThat(result.fork().pid()).isEqualTo(4242);
        assertThat(result.fork().maxHeap()).isEqualTo(268435456L);
    }

    @Test
    void anOutOfMemoryErrorTheFrameworkRethrewNamesTheClassAndMethodInFlight() {
        String error = "{\"event\":\"error\",\"time\":8,\"class\":\"a.Two\",\"method\":\"loads\",\"throwable\":"
                + "\"java.lang.OutOfMemoryError\",\"message\":\"Java heap space\",\"measure\":{\"heapPeak\":260000000}}\n";
        ForkResult result = interpret(
                FORK
                        + PLAN
                        + classStart("a.One")
                        + classEnd("a.One", 0)
                        + classStart("a.Two")
                        + testStart("a.Two", "loads")
                        + error,
                new ForkEnd(
                        false,
                        null,
                        "There was an error in the forked process\njava.lang.OutOfMemoryError",
                        new ForkEnd.NoAction(),
                        null,
                        100,
                        -1));

        Failure failure = result.failure().orElseThrow();
        assertThat(failure.victim()).isEqualTo("a.Two");
        assertThat(failure.method()).isEqualTo("loads");
        assertThat(failure.cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(failure.evidence()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        ClassRun two = result.run("a.Two").orElseThrow();
        assertThat(two.outcome()).isEqualTo(ClassRun.Outcome.DIED);
        assertThat(two.measure().heapPeak()).isEqualTo(260000000L);
        assertThat(result.notFinished("a.Two")).containsExactly("a.Three");
    }

    @Test
    void aForkThatSaidGoodbyeAfterTheProvidersErrorLineDiedOfIt() {
        // Surefire's booter failed to report the OutOfMemoryError (the heap still full) and said goodbye anyway
        String error = "{\"event\":\"error\",\"time\":8,\"class\":\"a.Two\",\"throwable\":"
                + "\"java.lang.OutOfMemoryError\",\"message\":\"Java heap space\"}\n";

        ForkResult result = interpret(
                FORK + PLAN + classStart("a.One") + classEnd("a.One", 0) + classStart("a.Two") + error, goodbye());

        Failure failure = result.failure().orElseThrow();
        assertThat(failure.victim()).isEqualTo("a.Two");
        assertThat(failure.cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(result.notFinished("a.Two")).containsExactly("a.Three");
    }

    @Test
    void aRunThatNeverEndedIsADeathWhateverSurefireSaw() {
        ForkResult inFlight =
                interpret(FORK + PLAN + classStart("a.One") + classEnd("a.One", 0) + classStart("a.Two"), goodbye());
        ForkResult betweenClasses = interpret(FORK + PLAN + classStart("a.One") + classEnd("a.One", 0), goodbye());

        ForkResult finished = interpret(
                FORK
                        + PLAN
                        + classStart("a.One")
                        + classEnd("a.One", 0)
                        + classStart("a.Two")
                        + classEnd("a.Two", 0)
                        + classStart("a.Three")
                        + classEnd("a.Three", 0)
                        + RUN_END,
                goodbye());

        assertThat(inFlight.death().cause()).isEqualTo(Cause.FORK_ERROR);
        assertThat(inFlight.death().inFlightClass()).isEqualTo("a.Two");
        assertThat(inFlight.death().evidence())
                .isEqualTo("the fork said goodbye to Surefire before its run ended (the journal has no run-end)");
        assertThat(betweenClasses.death().inFlightClass()).isNull();
        assertThat(betweenClasses.notFinished(null)).containsExactly("a.Two", "a.Three");
        assertThat(finished.death()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Metaspace|METASPACE_OOM",
                "Direct buffer memory|DIRECT_OOM",
                "unable to create native thread: possibly out of memory|THREAD_OOM",
                "GC overhead limit exceeded|GC_OVERHEAD",
                "Java heap space|HEAP_OOM",
            })
    void theErrorMessageTellsTheMemoryApart(String message, Cause cause) {
        String error =
                "{\"event\":\"error\",\"time\":8,\"class\":\"a.One\",\"throwable\":\"java.lang.OutOfMemoryError\","
                        + "\"message\":\"" + message + "\"}\n";

        ForkResult result = interpret(FORK + classStart("a.One") + error, crashed(1, new ForkEnd.NoAction()));

        assertThat(result.death().cause()).isEqualTo(cause);
    }

    @Test
    void aNoClassDefFoundErrorAfterTheHeapFilledUpIsAHeapDeath() {
        String nearLimit = "{\"event\":\"near-limit\",\"time\":5,\"class\":\"a.One\",\"pool\":\"G1 Old Gen\","
                + "\"used\":125000000,\"max\":134217728}\n";
        String error = "{\"event\":\"error\",\"time\":8,\"class\":\"a.One\",\"throwable\":"
                + "\"java.lang.NoClassDefFoundError\",\"message\":\"Could not initialize class x.ExceptionUtils\"}\n";

        ForkResult result =
                interpret(FORK + classStart("a.One") + nearLimit + error, crashed(1, new ForkEnd.NoAction()));

        assertThat(result.death().cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(result.death().evidence()).contains("NoClassDefFoundError").contains("after the heap filled up");
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("near the limit: G1 Old Gen held"));
    }

    @Test
    void aForkThatEndsWithoutATraceAfterTheHeapFilledUpIsAHeapDeath() {
        String nearLimit = "{\"event\":\"near-limit\",\"time\":5,\"class\":\"a.One\",\"pool\":\"G1 Old Gen\","
                + "\"used\":125000000,\"max\":134217728}\n";

        ForkResult full = interpret(FORK + classStart("a.One") + nearLimit, crashed(1, new ForkEnd.NoAction()));
        ForkResult notFull = interpret(FORK + classStart("a.One"), crashed(1, new ForkEnd.NoAction()));

        assertThat(full.death().cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(full.death().inFlightClass()).isEqualTo("a.One");
        assertThat(full.death().evidence())
                .startsWith("The forked VM terminated without properly saying goodbye, after the heap filled up")
                .contains("(G1 Old Gen held 119 MiB of 128 MiB after a collection)");
        assertThat(notFull.death().cause())
                .as("no sign of memory: what Surefire said")
                .isEqualTo(Cause.FORK_ERROR);
    }

    @Test
    void theMemoryLimitKillIsMemprobesOwnWithTheNumbers() {
        ForkResult result = interpret(
                FORK + classStart("a.One") + testStart("a.One", "buffers"),
                crashed(137, new ForkEnd.KilledOverMemoryLimit(2_300_000_000L, 2L << 30)));

        Death death = result.death();
        assertThat(death.cause()).isEqualTo(Cause.MEMORY_LIMIT);
        assertThat(death.exitCode()).isEqualTo(137);
        assertThat(death.inFlightClass()).isEqualTo("a.One");
        assertThat(death.inFlightMethod()).isEqualTo("buffers");
        assertThat(death.evidence()).startsWith("RSS 2.1 GiB > memprobe.memoryLimit 2 GiB");
    }

    private static final String GC_OVERHEAD = "{\"event\":\"gc-overhead\",\"time\":7,\"class\":\"a.Two\","
            + "\"method\":\"crawls\",\"windowMs\":10000,\"gcMs\":9400,\"collections\":1024,\"used\":263192576,"
            + "\"max\":268435456,\"measure\":{\"ms\":41000,\"heapPeak\":268435456,\"liveMin\":263192576}}\n";

    private static ForkEnd.StoppedOnGcOverhead stoppedOnGcOverhead(String className, String method) {
        return new ForkEnd.StoppedOnGcOverhead(className, method, 10_000, 9_400, 1024, 251L << 20, 256L << 20);
    }

    @Test
    void aForkStoppedPastSavingIsAGcOverheadDeathOfTheClassInFlightOnMemprobesOwnLimit() {
        ForkResult result = interpret(
                FORK
                        + PLAN
                        + classStart("a.One")
                        + classEnd("a.One", 0)
                        + classStart("a.Two")
                        + testStart("a.Two", "crawls")
                        + GC_OVERHEAD,
                crashed(137, stoppedOnGcOverhead("a.Two", "crawls")));

        Death death = result.death();
        assertThat(death.cause()).isEqualTo(Cause.GC_OVERHEAD);
        assertThat(death.exitCode()).isEqualTo(137);
        assertThat(death.inFlightClass()).isEqualTo("a.Two");
        assertThat(death.inFlightMethod()).isEqualTo("crawls");
        assertThat(death.evidence())
                .isEqualTo("memprobe stopped the fork with SIGKILL: 94% of the last 10 s in GC (1,024 collections), at"
                        + " least 251 MiB of 256 MiB live after each (memprobe.stopOnGcOverhead)");
        Failure failure = result.failure().orElseThrow();
        assertThat(failure.victim()).isEqualTo("a.Two");
        assertThat(failure.isMemory()).isTrue();
        ClassRun crawled = result.run("a.Two").orElseThrow();
        assertThat(crawled.outcome()).isEqualTo(ClassRun.Outcome.DIED);
        assertThat(crawled.measure().heapPeak())
                .as("the gc-overhead line's measurements of the class so far")
                .isEqualTo(268435456);
        assertThat(crawled.measure().liveMin()).isEqualTo(263192576);
        assertThat(result.notes()).noneMatch(note -> note.contains("past saving"));
    }

    @Test
    void aForkPastSavingThatWasLetGoOnSaysSoInANote() {
        ForkResult result = interpret(
                FORK
                        + PLAN
                        + classStart("a.Two")
                        + testStart("a.Two", "crawls")
                        + GC_OVERHEAD
                        + classEnd("a.Two", 0)
                        + RUN_END,
                goodbye());

        assertThat(result.death()).isNull();
        assertThat(result.failure()).isEmpty();
        assertThat(result.notes())
                .contains("past saving while a.Two#crawls ran: 94% of the last 10 s in GC (1,024 collections), at"
                        + " least 251 MiB of 256 MiB live after each; memprobe did not stop the fork for it");
    }

    @Test
    void aTimeoutSaysWhatMemprobeSent() {
        ForkResult result = interpret(
                FORK + classStart("a.One") + testStart("a.One", "waits"),
                crashed(137, new ForkEnd.TimedOut(8000, true)));

        assertThat(result.death().cause()).isEqualTo(Cause.TIMEOUT);
        assertThat(result.death().evidence())
                .contains("8.0 s")
                .contains("SIGTERM")
                .contains("then SIGKILL");
    }

    @Test
    void systemExitNamesTheCallerAndTheCode() {
        String shutdown = "{\"event\":\"shutdown\",\"time\":7,\"trigger\":\"exit\",\"caller\":"
                + "\"a.One.main(One.java:12)\",\"class\":\"a.One\",\"method\":\"callsMain\"}\n";

        ForkResult result = interpret(
                FORK + classStart("a.One") + testStart("a.One", "callsMain") + shutdown,
                crashed(3, new ForkEnd.NoAction()));

        assertThat(result.death().cause()).isEqualTo(Cause.EXIT);
        assertThat(result.death().exitCode()).isEqualTo(3);
        assertThat(result.death().evidence()).isEqualTo("System.exit(3) called from a.One.main(One.java:12)");
    }

    @Test
    void aSigtermFromOutsideIsTerminated() {
        String shutdown = "{\"event\":\"shutdown\",\"time\":7,\"trigger\":\"signal\",\"caller\":\"SIGTERM\","
                + "\"class\":\"a.One\"}\n";

        ForkResult result = interpret(FORK + classStart("a.One") + shutdown, crashed(143, new ForkEnd.NoAction()));

        assertThat(result.death().cause()).isEqualTo(Cause.TERMINATED);
        assertThat(result.death().evidence()).startsWith("SIGTERM from outside memprobe");
    }

    @Test
    void exit137AloneIsOnlyConsistentWithAnOomKill() {
        ForkResult result = interpret(FORK + classStart("a.One"), crashed(137, new ForkEnd.NoAction()));

        assertThat(result.death().cause()).isEqualTo(Cause.KILLED);
        assertThat(result.death().evidence()).contains("does not prove it");
        assertThat(new Failure("a.One", null, Cause.KILLED, 137, null).isMemory())
                .isTrue();
    }

    @Test
    void aCrashForWantOfNativeMemoryIsADeathOfMemory(@TempDir Path folder) throws IOException {
        Path log = folder.resolve("hs_err_pid4242.log");
        Files.writeString(
                log,
                "#\n# There is insufficient memory for the Java Runtime Environment to continue.\n"
                        + "# Native memory allocation (malloc) failed to allocate 896256 bytes. Error detail: Chunk::new\n");

        ForkResult result = interpret(
                FORK + classStart("a.One"), new ForkEnd(false, 1, "goodbye", new ForkEnd.NoAction(), log, 100, -1));

        assertThat(result.death().cause()).isEqualTo(Cause.JVM_CRASH);
        assertThat(result.death().evidence()).startsWith(Death.NATIVE_MEMORY).contains("malloc");
        assertThat(result.death().outOfNativeMemory()).isTrue();
        assertThat(result.failure().orElseThrow().isMemory()).isTrue();
    }

    @Test
    void aCrashForAnotherReasonIsNoDeathOfNativeMemory(@TempDir Path folder) throws IOException {
        Path log = folder.resolve("hs_err_pid4242.log");
        Files.writeString(log, "#\n# SIGSEGV (0xb) at pc=0x00007f, pid=4242, tid=4243\n");

        ForkResult result = interpret(
                FORK + classStart("a.One"), new ForkEnd(false, 1, "goodbye", new ForkEnd.NoAction(), log, 100, -1));

        assertThat(result.death().cause()).isEqualTo(Cause.JVM_CRASH);
        assertThat(result.death().evidence()).startsWith("the JVM crashed: SIGSEGV (0xb)");
        assertThat(result.death().outOfNativeMemory()).isFalse();
    }

    @Test
    void aTestThatFailedOfMetaspaceCarriesWhichMemoryRanOutIntoItsRunAndFailure() {
        String metaspaceEnd =
                "{\"event\":\"test-end\",\"time\":6,\"class\":\"a.Two\",\"method\":\"proxies\",\"status\":"
                        + "\"error\",\"throwable\":\"java.lang.OutOfMemoryError\",\"message\":\"Metaspace\"}\n";
        String later = "{\"event\":\"test-end\",\"time\":7,\"class\":\"a.Two\",\"method\":\"more\",\"status\":"
                + "\"error\",\"throwable\":\"java.lang.OutOfMemoryError\",\"message\":\"Java heap space\"}\n";

        ForkResult result = interpret(
                FORK
                        + PLAN
                        + classStart("a.Two")
                        + testStart("a.Two", "proxies")
                        + metaspaceEnd
                        + later
                        + classEnd("a.Two", 0)
                        + RUN_END,
                goodbye());

        ClassRun two = result.run("a.Two").orElseThrow();
        assertThat(two.outcome()).isEqualTo(ClassRun.Outcome.MEMORY_ERROR);
        assertThat(two.memoryCause()).as("the first memory error of the class").isEqualTo(Cause.METASPACE_OOM);
        assertThat(two.problem()).isEqualTo("java.lang.OutOfMemoryError: Metaspace");
        assertThat(two.method()).isEqualTo("proxies");
        assertThat(result.failure().orElseThrow().cause()).isEqualTo(Cause.METASPACE_OOM);
    }

    @Test
    void aMethodThatFailedOfMemoryKeptNothingMeasuredItsNeighboursKeepTheirFigures() {
        // the failing method's last collection ran with the heap full of its own rows: that is no "kept"
        String passed = "{\"event\":\"test-end\",\"time\":5,\"class\":\"a.Two\",\"method\":\"caches\","
                + "\"status\":\"passed\",\"allocated\":4000,\"kept\":3000}\n";
        String failed = "{\"event\":\"test-end\",\"time\":6,\"class\":\"a.Two\",\"method\":\"fills\","
                + "\"status\":\"error\",\"throwable\":\"java.lang.OutOfMemoryError\",\"message\":"
                + "\"Java heap space\",\"allocated\":900000,\"kept\":800000}\n";

        ForkResult result = interpret(
                FORK
                        + PLAN
                        + classStart("a.Two")
                        + testStart("a.Two", "caches")
                        + passed
                        + testStart("a.Two", "fills")
                        + failed
                        + classEnd("a.Two", 0)
                        + RUN_END,
                goodbye());

        assertThat(result.run("a.Two").orElseThrow().measure().methods())
                .containsExactly(
                        new Measure.MethodMeasure("caches", 4000, 3000),
                        new Measure.MethodMeasure("fills", 900000, -1));
    }

    @Test
    void eventsOfANewerProviderAreSkipped() {
        String unknown = "{\"event\":\"heap-dump\",\"time\":5,\"class\":\"a.One\",\"file\":\"x.hprof\"}\n";

        ForkResult result =
                interpret(FORK + PLAN + classStart("a.One") + unknown + classEnd("a.One", 0) + RUN_END, goodbye());

        assertThat(result.death()).isNull();
        assertThat(result.notes()).isEmpty();
        assertThat(result.classes()).extracting(ClassRun::name).containsExactly("a.One");
    }

    @Test
    void aForkStoppedAfterAJUnit4MemoryErrorBlamesThatClassNotTheOneItWasRunning() {
        String oomTestEnd =
                "{\"event\":\"test-end\",\"time\":6,\"class\":\"a.Two\",\"method\":\"big\",\"status\":\"error\","
                        + "\"throwable\":\"java.lang.OutOfMemoryError\",\"message\":\"Java heap space\"}\n";

        ForkResult result = interpret(
                FORK
                        + PLAN
                        + classStart("a.Two")
                        + testStart("a.Two", "big")
                        + oomTestEnd
                        + classEnd("a.Two", 0)
                        + classStart("a.One"),
                new ForkEnd(false, 137, "goodbye", new ForkEnd.StoppedAfterMemoryError("a.Two"), null, 100, -1));

        assertThat(result.death()).isNull();
        assertThat(result.classes()).extracting(ClassRun::name).containsExactly("a.Two");
        assertThat(result.classes().get(0).outcome()).isEqualTo(ClassRun.Outcome.MEMORY_ERROR);
        assertThat(result.failure().orElseThrow().cause()).isEqualTo(Cause.HEAP_OOM);
        assertThat(result.notFinished("a.Two")).containsExactly("a.One", "a.Three");
    }

    @Test
    void aTornLastLineAndAMissingJournalAreReportedNotGuessed() {
        ForkResult torn =
                interpret(FORK + classStart("a.One") + "{\"event\":\"class-e", crashed(137, new ForkEnd.NoAction()));
        ForkResult missing = JournalInterpreter.interpret(
                PROBE, JournalTail.read(Path.of("/nonexistent/journal.jsonl")), crashed(1, new ForkEnd.NoAction()));

        assertThat(torn.notes()).anySatisfy(n -> assertThat(n).contains("died while writing a journal line"));
        assertThat(torn.death().inFlightClass()).isEqualTo("a.One");
        assertThat(missing.notes()).anySatisfy(n -> assertThat(n).contains("was never written"));
        assertThat(missing.classes()).isEmpty();
        assertThat(missing.death().cause()).isEqualTo(Cause.FORK_ERROR);
        assertThat(missing.death().inFlightClass()).isNull();
    }

    @Test
    void readsTheExitCodeSurefireReports() {
        assertThat(JournalInterpreter.exitCode("...\nProcess Exit Code: 137\nCrashed tests:"))
                .isEqualTo(137);
        assertThat(JournalInterpreter.exitCode("There was an error in the forked process"))
                .isNull();
        assertThat(JournalInterpreter.exitCode(null)).isNull();
    }
}
