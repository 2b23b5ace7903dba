package dev.memprobe.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.memprobe.recorder.samples.SampleJUnit4;
import dev.memprobe.recorder.samples.SampleJupiter;
import dev.memprobe.recorder.samples.SampleTestNG;
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
                        .selectors(selectClass(SampleJupiter.class))
                        .build(),
                new PlatformListener(recorder));

        List<String> lines = Journals.lines(folder);
        assertThat(lines).first().isEqualTo("plan [" + SampleJupiter.class.getName() + "]");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("class-"))
                .containsExactly("class-start SampleJupiter", "class-end SampleJupiter 5 tests");
        assertThat(lines)
                .contains("test-end SampleJupiter#fails FAILED org.opentest4j.AssertionFailedError")
                .contains("test-end SampleJupiter#inside PASSED")
                .filteredOn(l -> l.startsWith("test-end SampleJupiter#twice"))
                .hasSize(2);
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
                .contains("test-end SampleJUnit4#ignored SKIPPED")
                .contains("test-end SampleJUnit4$Together#member PASSED");
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
}
