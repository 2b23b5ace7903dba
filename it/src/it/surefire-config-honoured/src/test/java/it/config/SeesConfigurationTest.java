package it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Fails unless the fork got the project's Surefire configuration and memprobe's heap limit. */
class SeesConfigurationTest {

    @Test
    void argLineReachesTheFork() {
        assertEquals("yes", System.getProperty("from.argline"));
        assertEquals("late", System.getProperty("from.late.property"), "@{...} is replaced at fork time");
    }

    @Test
    void systemPropertyVariablesOfPluginAndExecutionLevel() {
        assertEquals("from-pom", System.getProperty("configured.property"));
        assertEquals("from-default-test", System.getProperty("execution.property"));
    }

    @Test
    void environmentVariables() {
        assertEquals("from-pom", System.getenv("CONFIGURED_ENV"));
    }

    @Test
    void workingDirectory() {
        assertTrue(new File("").getAbsolutePath().endsWith(File.separator + "work"), new File("").getAbsolutePath());
    }

    @Test
    void memprobesHeapLimitWinsOverTheArgLine() {
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(max <= 128L * 1024 * 1024, "max heap " + max);
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xmx1g"));
    }
}
