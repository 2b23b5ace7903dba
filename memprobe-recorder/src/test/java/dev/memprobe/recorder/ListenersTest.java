package dev.memprobe.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.TestCounts;
import dev.memprobe.recorder.samples.SampleJUnit4;
import dev.memprobe.recorder.samples.SampleJupiter;
import dev.memprobe.recorder.samples.SampleTestNG;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.testng.TestNG;

/** Each framework's listener, on a real run of a sample class. */
class ListenersTest {

    @TempDir
    Path folder;

    @Test
    void thePlatformsNestedClassesAndParameterizedTestsArePartOfTheirClass() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        Launcher launcher = LauncherFactory.create();

        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(SampleJupiter.class))
                        .build(),
                new PlatformListener(recorder));

        List<String> lines = Journals.lines(folder);
        assertThat(lines).first().isEqualTo("plan [" + SampleJupiter.class.getName() + "]");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly("class-start SampleJupiter", "class-end SampleJupiter 5 tests");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("test-"))
                .as("a passed test has no line of its own: the class's line counts it")
                .containsExactly("test-end SampleJupiter#fails FAILED org.opentest4j.AssertionFailedError");
        assertThat(recorder.classesInFlight()).isEmpty();
    }

    @Test
    void junit4sSuiteRunsItsMembersInsideItAndTestsThatRanOutOfMemoryCarryTheError() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        JUnitCore core = new JUnitCore();
        core.addListener(new JUnit4Listener(recorder));

        core.run(SampleJUnit4.class, SampleJUnit4.Together.class);

        List<String> lines = Journals.lines(folder);
        assertThat(lines)
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly(
                        "class-start SampleJUnit4",
                        "class-end SampleJUnit4 4 tests",
                        "class-start SampleJUnit4$Together",
                        "class-end SampleJUnit4$Together 5 tests");
        assertThat(lines)
                .contains("test-end SampleJUnit4#outOfMemory ERRORED java.lang.OutOfMemoryError")
                .noneMatch(l -> l.startsWith("test-start") || l.endsWith(" PASSED") || l.endsWith(" SKIPPED"));
        List<TestCounts> counts = new ArrayList<>();
        for (JournalEvent event : Journals.events(folder)) {
            if (event instanceof ClassEndEvent) {
                counts.add(((ClassEndEvent) event).counts());
            }
        }
        assertThat(counts).extracting(TestCounts::skipped).containsExactly(1, 1);
        assertThat(counts).extracting(TestCounts::errors).containsExactly(1, 1);
    }

    @Test
    void testngsClassesRunFromBeforeClassToAfterClass() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        TestNG testng = new TestNG(false);
        testng.setUseDefaultListeners(false);
        testng.setTestClasses(new Class<?>[] {SampleTestNG.class});
        testng.addListener(new TestNGListener(recorder));

        testng.run();

        List<String> lines = Journals.lines(folder);
        assertThat(lines).first().isEqualTo("plan [" + SampleTestNG.class.getName() + "]");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly("class-start SampleTestNG", "class-end SampleTestNG 2 tests");
        assertThat(lines).contains("test-end SampleTestNG#fails FAILED java.lang.AssertionError");
    }

    @Test
    void theTestNGEnginesDryRunOfTestNGIsNotJournaled() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        TestNG testng = new TestNG(false);
        testng.setUseDefaultListeners(false);
        testng.setTestClasses(new Class<?>[] {SampleTestNG.class});
        testng.addListener(new TestNGListener(recorder));

        String before = System.getProperty(TestNGListener.DRY_RUN);
        System.setProperty(TestNGListener.DRY_RUN, "true");
        try {
            testng.run();
        } finally {
            if (before == null) {
                System.clearProperty(TestNGListener.DRY_RUN);
            } else {
                System.setProperty(TestNGListener.DRY_RUN, before);
            }
        }

        assertThat(Journals.lines(folder)).isEmpty();
        assertThat(recorder.classesInFlight()).isEmpty();
    }

    /**
     * Surefire's junit47 provider with {@code parallel=methods} sends no suite events, and a class's tests run on
     * several threads at once: the class starts once and ends once, when the last thread leaves it.
     */
    @Test
    void junit4TestsOfOneClassOnTwoThreadsWithoutSuiteEventsStartAndEndTheClassOnce() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        JUnit4Listener listener = new JUnit4Listener(recorder);
        ExecutorService one = Executors.newSingleThreadExecutor();
        ExecutorService two = Executors.newSingleThreadExecutor();
        Description alphaA = Description.createTestDescription("p.AlphaTest", "a");
        Description alphaB = Description.createTestDescription("p.AlphaTest", "b");
        Description betaA = Description.createTestDescription("p.BetaTest", "a");
        try {
            one.submit(() -> listener.testStarted(alphaA)).get();
            two.submit(() -> listener.testStarted(alphaB)).get();
            one.submit(() -> listener.testFinished(alphaA)).get();
            one.submit(() -> listener.testStarted(betaA)).get();
            assertThat(recorder.classesInFlight()).containsExactly("p.AlphaTest", "p.BetaTest");
            two.submit(() -> listener.testFinished(alphaB)).get();
            one.submit(() -> listener.testFinished(betaA)).get();
        } finally {
            one.shutdown();
            two.shutdown();
        }
        listener.testRunFinished(new Result());

        assertThat(Journals.lines(folder))
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly(
                        "class-start AlphaTest",
                        "class-start BetaTest",
                        "class-end AlphaTest 2 tests",
                        "class-end BetaTest 1 tests");
        assertThat(recorder.classesInFlight()).isEmpty();
    }
}
