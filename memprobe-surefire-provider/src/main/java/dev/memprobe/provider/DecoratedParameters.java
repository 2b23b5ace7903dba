package dev.memprobe.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.surefire.api.cli.CommandLineOption;
import org.apache.maven.surefire.api.provider.CommandChainReader;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.report.ReporterConfiguration;
import org.apache.maven.surefire.api.report.ReporterFactory;
import org.apache.maven.surefire.api.testset.DirectoryScannerParameters;
import org.apache.maven.surefire.api.testset.TestArtifactInfo;
import org.apache.maven.surefire.api.testset.TestRequest;
import org.apache.maven.surefire.api.util.DefaultScanResult;
import org.apache.maven.surefire.api.util.DirectoryScanner;
import org.apache.maven.surefire.api.util.RunOrderCalculator;
import org.apache.maven.surefire.api.util.ScanResult;
import org.apache.maven.surefire.api.util.TestsToRun;

/**
 * The parameters the wrapped provider sees: Surefire's own, with three changes. Its reporter measures; when the plugin
 * sent a plan, only the planned classes are scanned and they run in plan order; and JUnit's parallel execution is off,
 * because a class can only be measured on its own when it runs on its own.
 */
final class DecoratedParameters implements ProviderParameters {

    static final String CONFIGURATION_PARAMETERS = "configurationParameters";
    static final String JUPITER_PARALLEL = "junit.jupiter.execution.parallel.enabled";
    static final String VINTAGE_PARALLEL = "junit.vintage.execution.parallel.enabled";

    private final ProviderParameters target;
    private final RunRecorder recorder;
    private final Plan plan;
    private final Map<String, String> providerProperties;
    private final boolean parallelForcedOff;

    private final boolean surefireOrder;

    /**
     * @param plan the classes to run, or null for all Surefire scanned
     * @param surefireOrder run the planned classes in Surefire's runOrder rather than as the plan lists them
     */
    DecoratedParameters(ProviderParameters target, RunRecorder recorder, Plan plan, boolean surefireOrder) {
        this.target = target;
        this.recorder = recorder;
        this.plan = plan;
        this.surefireOrder = surefireOrder;
        Map<String, String> properties = new HashMap<>(target.getProviderProperties());
        boolean parallel = parallelRequested(properties, target.getTestClassLoader());
        if (plan != null && !surefireOrder) {
            // the plan fixes the order; Surefire's runOrder would otherwise become a JUnit class orderer
            properties.put("runOrder", "filesystem");
        }
        Iterator<Map.Entry<String, String>> keys = properties.entrySet().iterator();
        while (keys.hasNext()) {
            if (keys.next().getKey().startsWith("junit.vintage.execution.parallel")) {
                keys.remove();
            }
        }
        String configuration = properties.get(CONFIGURATION_PARAMETERS);
        properties.put(
                CONFIGURATION_PARAMETERS,
                (configuration == null ? "" : configuration + "\n")
                        + JUPITER_PARALLEL
                        + "=false\n"
                        + VINTAGE_PARALLEL
                        + "=false\n");
        this.providerProperties = properties;
        this.parallelForcedOff = parallel;
    }

    /** Whether the project asked JUnit to run tests in parallel (forced off here). */
    boolean parallelForcedOff() {
        return parallelForcedOff;
    }

    static boolean parallelRequested(Map<String, String> properties, ClassLoader testClassLoader) {
        if ("true".equalsIgnoreCase(properties.get(VINTAGE_PARALLEL))
                || "true"
                        .equalsIgnoreCase(
                                System.getProperty(JUPITER_PARALLEL, "").trim())) {
            return true; // JUnit also reads its configuration from system properties (-D in the argLine)
        }
        Properties configured = new Properties();
        String configuration = properties.get(CONFIGURATION_PARAMETERS);
        try {
            if (configuration != null) {
                configured.load(new StringReader(configuration));
                String value = configured.getProperty(JUPITER_PARALLEL);
                if (value != null) {
                    // JUnit takes configuration parameters before junit-platform.properties
                    return "true".equalsIgnoreCase(value.trim());
                }
            }
            URL file = testClassLoader == null ? null : testClassLoader.getResource("junit-platform.properties");
            if (file != null) {
                Properties fromFile = new Properties();
                try (InputStream in = file.openStream()) {
                    fromFile.load(in);
                }
                return "true"
                        .equalsIgnoreCase(
                                fromFile.getProperty(JUPITER_PARALLEL, "").trim());
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    @Override
    public ReporterFactory getReporterFactory() {
        return new MeasuringReporterFactory(target.getReporterFactory(), recorder);
    }

    @Override
    public ScanResult getScanResult() {
        return plan == null ? target.getScanResult() : new DefaultScanResult(plan.classes());
    }

    @Override
    public RunOrderCalculator getRunOrderCalculator() {
        final RunOrderCalculator original = target.getRunOrderCalculator();
        return new RunOrderCalculator() {
            @Override
            public TestsToRun orderTestClasses(TestsToRun scanned) {
                TestsToRun ordered =
                        plan == null || surefireOrder ? original.orderTestClasses(scanned) : plan.order(scanned);
                List<String> names = new ArrayList<>();
                for (Class<?> test : ordered) {
                    names.add(test.getName());
                }
                recorder.plan(names);
                return ordered;
            }
        };
    }

    @Override
    public Map<String, String> getProviderProperties() {
        return providerProperties;
    }

    @Override
    @Deprecated
    public DirectoryScanner getDirectoryScanner() {
        return target.getDirectoryScanner();
    }

    @Override
    public DirectoryScannerParameters getDirectoryScannerParameters() {
        return target.getDirectoryScannerParameters();
    }

    @Override
    public ReporterConfiguration getReporterConfiguration() {
        return target.getReporterConfiguration();
    }

    @Override
    public TestRequest getTestRequest() {
        return target.getTestRequest();
    }

    @Override
    public ClassLoader getTestClassLoader() {
        return target.getTestClassLoader();
    }

    @Override
    public TestArtifactInfo getTestArtifactInfo() {
        return target.getTestArtifactInfo();
    }

    @Override
    public List<CommandLineOption> getMainCliOptions() {
        return target.getMainCliOptions();
    }

    @Override
    public int getSkipAfterFailureCount() {
        return target.getSkipAfterFailureCount();
    }

    @Override
    public boolean isInsideFork() {
        return target.isInsideFork();
    }

    @Override
    public Integer getSystemExitTimeout() {
        return target.getSystemExitTimeout();
    }

    @Override
    public CommandChainReader getCommandReader() {
        return target.getCommandReader();
    }
}
