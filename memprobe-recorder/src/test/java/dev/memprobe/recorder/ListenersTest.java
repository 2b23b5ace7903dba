package dev.memprobe.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.memprobe.recorder.samples.JUnit4Samples;
import dev.memprobe.recorder.samples.JupiterSamples;
import dev.memprobe.recorder.samples.TestNGSamples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.runner.JUnitCore;
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
                        .selectors(selectClass(JupiterSamples.class))
                        .build(),
                new PlatformListener(recorder));

        List<String> lines = Journals.lines(folder);
        assertThat(lines).first().isEqualTo("plan [" + JupiterSamples.class.getName() + "]");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly("class-start JupiterSamples", "class-end JupiterSamples 5 tests");
        assertThat(lines)
                .contains("test-end JupiterSamples#fails FAILED org.opentest4j.AssertionFailedError")
                .contains("test-end JupiterSamples#inside PASSED")
                .filteredOn(l -> l.startsWith("test-end JupiterSamples#twice"))
                .hasSize(2);
        assertThat(recorder.classesInFlight()).isEmpty();
    }

    @Test
    void junit4sSuiteRunsItsMembersInsideItAndTestsThatRanOutOfMemoryCarryTheError() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        JUnitCore core = new JUnitCore();
        core.addListener(new JUnit4Listener(recorder));

        core.run(JUnit4Samples.class, JUnit4Samples.Together.class);

        List<String> lines = Journals.lines(folder);
        assertThat(lines)
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly(
                        "class-start JUnit4Samples",
                        "class-end JUnit4Samples 4 tests",
                        "class-start JUnit4Samples$Together",
                        "class-end JUnit4Samples$Together 5 tests");
        assertThat(lines)
                .contains("test-end JUnit4Samples#outOfMemory ERRORED java.lang.OutOfMemoryError")
                .contains("test-end JUnit4Samples#ignored SKIPPED")
                .contains("test-end JUnit4Samples$Together#member PASSED");
    }

    @Test
    void testngsClassesRunFromBeforeClassToAfterClass() throws Exception {
        Recorder recorder = Journals.recorder(folder);
        TestNG testng = new TestNG(false);
        testng.setUseDefaultListeners(false);
        testng.setTestClasses(new Class<?>[] {TestNGSamples.class});
        testng.addListener(new TestNGListener(recorder));

        testng.run();

        List<String> lines = Journals.lines(folder);
        assertThat(lines).first().isEqualTo("plan [" + TestNGSamples.class.getName() + "]");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly("class-start TestNGSamples", "class-end TestNGSamples 2 tests");
        assertThat(lines).contains("test-end TestNGSamples#fails FAILED java.lang.AssertionError");
    }
}
