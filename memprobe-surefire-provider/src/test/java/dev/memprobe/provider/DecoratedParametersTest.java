package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecoratedParametersTest {

    private static final String JUPITER = DecoratedParameters.JUPITER_PARALLEL;
    private static final String VINTAGE = DecoratedParameters.VINTAGE_PARALLEL;
    private static final String CONFIGURATION = DecoratedParameters.CONFIGURATION_PARAMETERS;

    @TempDir
    Path classpath;

    @ParameterizedTest(
            name = "[{index}] configurationParameters \"{0}\", vintage \"{1}\", junit-platform.properties \"{2}\"")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-                                              | -     | -                                      | false",
                "junit.jupiter.execution.parallel.enabled=true  | -     | -                                      | true",
                "junit.jupiter.execution.parallel.enabled = TRUE| -     | -                                      | true",
                "junit.jupiter.execution.parallel.mode.default=concurrent | - | -                                | false",
                "junit.jupiter.execution.parallel.enabled=false | -     | -                                      | false",
                "-                                              | true  | -                                      | true",
                "-                                              | false | -                                      | false",
                "-                                              | -     | junit.jupiter.execution.parallel.enabled=true  | true",
                "-                                              | -     | junit.jupiter.execution.parallel.enabled=false | false",
                "junit.jupiter.execution.parallel.enabled=false | -     | junit.jupiter.execution.parallel.enabled=true  | false",
                "junit.jupiter.execution.parallel.enabled=true  | -     | junit.jupiter.execution.parallel.enabled=false | true",
            })
    void tellsWhetherTheProjectAskedForParallelExecution(
            String configurationParameters, String vintage, String propertiesFile, boolean parallel)
            throws IOException {
        Map<String, String> properties = new HashMap<>();
        if (configurationParameters != null) {
            properties.put(CONFIGURATION, configurationParameters);
        }
        if (vintage != null) {
            properties.put(VINTAGE, vintage);
        }
        if (propertiesFile != null) {
            Files.writeString(classpath.resolve("junit-platform.properties"), propertiesFile + "\n");
        }

        try (URLClassLoader tests =
                new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            assertThat(DecoratedParameters.parallelRequested(properties, tests)).isEqualTo(parallel);
        }
    }

    @Test
    void withoutATestClassLoaderOnlyTheProviderPropertiesCount() {
        assertThat(DecoratedParameters.parallelRequested(Map.of(CONFIGURATION, JUPITER + "=true"), null))
                .isTrue();
        assertThat(DecoratedParameters.parallelRequested(Map.of(), null)).isFalse();
    }

    @Test
    void theWrappedProviderSeesParallelExecutionSwitchedOff() throws IOException {
        Map<String, String> original = new HashMap<>();
        original.put(CONFIGURATION, JUPITER + "=true\njunit.jupiter.execution.timeout.default=5m");
        original.put(VINTAGE, "true");
        original.put("junit.vintage.execution.parallel.classes", "true");
        original.put("runOrder", "random");

        DecoratedParameters decorated = new DecoratedParameters(parameters(original), null, null, false);

        Map<String, String> seen = decorated.getProviderProperties();
        Properties configuration = new Properties();
        configuration.load(new StringReader(seen.get(CONFIGURATION)));
        assertThat(decorated.parallelForcedOff()).isTrue();
        assertThat(configuration)
                .containsEntry(JUPITER, "false")
                .containsEntry(VINTAGE, "false")
                .containsEntry("junit.jupiter.execution.timeout.default", "5m");
        assertThat(seen).doesNotContainKeys(VINTAGE, "junit.vintage.execution.parallel.classes");
        assertThat(seen).containsEntry("runOrder", "random");
        assertThat(original).as("Surefire's own map is left alone").containsEntry(VINTAGE, "true");
    }

    @Test
    void aPlanInListedOrderTurnsSurefiresRunOrderOff() {
        Map<String, String> original = Map.of("runOrder", "random");
        Plan plan = new Plan(List.of("com.acme.ATest"));

        assertThat(new DecoratedParameters(parameters(original), null, plan, false).getProviderProperties())
                .containsEntry("runOrder", "filesystem");
        assertThat(new DecoratedParameters(parameters(original), null, plan, true).getProviderProperties())
                .containsEntry("runOrder", "random");
        assertThat(new DecoratedParameters(parameters(original), null, null, false).getProviderProperties())
                .containsEntry("runOrder", "random");
    }

    @Test
    void aProjectWithoutParallelExecutionIsNotReportedAsForcedOff() {
        DecoratedParameters decorated = new DecoratedParameters(parameters(Map.of()), null, null, false);

        assertThat(decorated.parallelForcedOff()).isFalse();
        assertThat(decorated.getProviderProperties().get(CONFIGURATION)).contains(JUPITER + "=false");
    }

    private static ProviderParameters parameters(Map<String, String> providerProperties) {
        return (ProviderParameters) Proxy.newProxyInstance(
                ProviderParameters.class.getClassLoader(),
                new Class<?>[] {ProviderParameters.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProviderProperties" -> providerProperties;
                    case "getTestClassLoader" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
