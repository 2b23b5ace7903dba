package dev.memprobe.record;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

/**
 * Whether the project asks its test framework to run tests at the same time, as its Surefire configuration and its
 * {@code junit-platform.properties} say: Surefire's {@code parallel} (JUnit 4.7+ and TestNG), or Jupiter's
 * {@code junit.jupiter.execution.parallel.enabled}, where the JUnit Platform looks for it (the configuration parameters
 * Surefire hands the launcher, then a system property of the fork, then the properties file on the test classpath).
 * A recording leaves it on (it is the project's run) and says that per-class numbers are then approximate.
 */
public final class ParallelSetting {

    /** Jupiter's switch for parallel execution. */
    public static final String JUPITER = "junit.jupiter.execution.parallel.enabled";

    private ParallelSetting() {}

    /**
     * @param surefireParallel Surefire's {@code parallel} parameter, or null
     * @param configurationParameters Surefire's {@code <properties><configurationParameters>} text, or null
     * @param systemProperty the fork's {@link #JUPITER} system property (Surefire's {@code systemPropertyVariables}),
     *     or null
     * @param platformProperties the text of {@code junit-platform.properties} among the test classes, or null
     */
    public static boolean of(
            String surefireParallel, String configurationParameters, String systemProperty, String platformProperties) {
        if (surefireParallel != null && !surefireParallel.isBlank() && !"none".equals(surefireParallel.trim())) {
            return true;
        }
        String jupiter = property(configurationParameters);
        if (jupiter == null) {
            jupiter = systemProperty;
        }
        if (jupiter == null) {
            jupiter = property(platformProperties);
        }
        return jupiter != null && Boolean.parseBoolean(jupiter.trim());
    }

    /** Jupiter's switch in properties text, or null when the text does not set it. */
    private static String property(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return properties.getProperty(JUPITER);
    }
}
