package dev.memprobe.junit4;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.surefire.api.provider.CommandChainReader;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.provider.SurefireProvider;
import org.apache.maven.surefire.api.report.ConsoleOutputCapture;
import org.apache.maven.surefire.api.report.ReporterFactory;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.apache.maven.surefire.api.testset.TestSetFailedException;
import org.apache.maven.surefire.api.util.RunOrderCalculator;
import org.apache.maven.surefire.api.util.ScanResult;
import org.apache.maven.surefire.api.util.TestsToRun;
import org.junit.runner.Description;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.Runner;
import org.junit.runner.manipulation.Filter;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;
import org.junit.runner.notification.RunNotifier;

/**
 * memprobe's own JUnit 4 runner, for a project whose Surefire (before 3.6) runs its tests with Surefire's JUnit 4
 * provider: it runs each class with JUnit's {@link Request#aClass}, in the order Surefire gives, and reports to
 * Surefire as that provider does (the same class and method names, a failure of {@code @BeforeClass} as an error of the
 * class). The pinned Surefire 3.6 would run those tests through the JUnit Platform and Vintage, which costs 1.5 to 1.7
 * times as much on a suite of many small tests and is another program than the one that died in CI.
 *
 * <p>Not done, because memprobe sets them itself or asks the JUnit Platform to run the project instead: reruns of
 * failing tests, parallel execution, JUnit 4 categories ({@code groups}). JDK and the project's own JUnit 4 only.
 */
public final class JUnit4Provider implements SurefireProvider {

    /** The provider class the plugin names in place of Surefire's. */
    public static final String NAME = "dev.memprobe.junit4.JUnit4Provider";

    private final ProviderParameters parameters;
    private final ClassLoader testClassLoader;
    private final ScanResult scanResult;
    private final RunOrderCalculator runOrder;
    private final TestListResolver testResolver;
    private final String customListeners;
    private final CommandChainReader commands;

    public JUnit4Provider(ProviderParameters parameters) {
        this.parameters = parameters;
        this.testClassLoader = parameters.getTestClassLoader();
        this.scanResult = parameters.getScanResult();
        this.runOrder = parameters.getRunOrderCalculator();
        this.testResolver = parameters.getTestRequest() == null
                ? null
                : parameters.getTestRequest().getTestListResolver();
        this.customListeners = parameters.getProviderProperties().get("listener");
        this.commands = parameters.isInsideFork() ? parameters.getCommandReader() : null;
        sameJUnit(testClassLoader);
    }

    @Override
    public Iterable<Class<?>> getSuites() {
        return scan();
    }

    @Override
    public RunResult invoke(Object forkTestSet) throws TestSetFailedException {
        ReporterFactory factory = parameters.getReporterFactory();
        RunResult run;
        try {
            TestReportListener<TestOutputReportEntry> reporter = factory.createTestReportListener();
            JUnit4Events events = new JUnit4Events(reporter);
            ConsoleOutputCapture.startCapture(events);
            final TestsToRun tests = testsToRun(forkTestSet);
            RunNotifier notifier = new RunNotifier();
            notifier.addListener(events);
            for (RunListener listener : JUnit4Tests.customListeners(customListeners, testClassLoader)) {
                notifier.addListener(listener);
            }
            Result result = new Result();
            notifier.addListener(result.createListener());
            Filter methods = MethodFilter.of(testResolver);
            Map<String, String> systemProperties = systemProperties();
            try {
                notifier.fireTestRunStarted(
                        tests.allowEagerReading() ? describe(tests) : Description.createSuiteDescription("null"));
                if (commands != null) {
                    commands.addShutdownListener(command -> tests.markTestSetFinished());
                    commands.awaitStarted();
                }
                for (Class<?> test : tests) {
                    runClass(test, reporter, events, notifier, methods, systemProperties);
                }
            } finally {
                notifier.fireTestRunFinished(result);
            }
            for (Failure failure : result.getFailures()) {
                if (Description.TEST_MECHANISM.equals(failure.getDescription())) {
                    throw new TestSetFailedException(
                            failure.getTestHeader() + " :: " + failure.getMessage(), failure.getException());
                }
            }
        } finally {
            run = factory.close();
        }
        return run;
    }

    @Override
    public void cancel() {}

    private TestsToRun testsToRun(Object forkTestSet) throws TestSetFailedException {
        if (forkTestSet instanceof TestsToRun) {
            return (TestsToRun) forkTestSet;
        }
        if (forkTestSet instanceof Class) {
            return TestsToRun.fromClass((Class<?>) forkTestSet);
        }
        return scan();
    }

    private TestsToRun scan() {
        return runOrder.orderTestClasses(scanResult.applyFilter(new JUnit4Tests(testClassLoader), testClassLoader));
    }

    /** One class, as Surefire's JUnit 4 provider runs it: a test set, whatever escapes it an error of the class. */
    private static void runClass(
            Class<?> test,
            TestReportListener<TestOutputReportEntry> reporter,
            JUnit4Events events,
            RunNotifier notifier,
            Filter methods,
            Map<String, String> systemProperties) {
        String name = test.getName();
        long id = events.classStarting(name);
        SimpleReportEntry set = new SimpleReportEntry(RunMode.NORMAL_RUN, id, name, null, null, null, systemProperties);
        reporter.testSetStarting(set);
        try {
            Request request = Request.aClass(test);
            if (methods != null) {
                request = request.filterWith(methods);
            }
            Runner runner = request.getRunner();
            if (JUnit4Tests.countTests(runner.getDescription()) != 0) {
                runner.run(notifier);
            }
        } catch (Throwable e) {
            reporter.testError(SimpleReportEntry.withException(
                    RunMode.NORMAL_RUN, id, name, null, null, null, new FailureTrace(name, null, e)));
        } finally {
            reporter.testSetCompleted(set);
        }
    }

    private static Description describe(TestsToRun tests) {
        Description all = Description.createSuiteDescription("null");
        for (Class<?> test : tests) {
            all.addChild(Description.createSuiteDescription(test.getName()));
        }
        return all;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> copy = new LinkedHashMap<>();
        Properties properties = System.getProperties();
        for (String key : properties.stringPropertyNames()) {
            copy.put(key, properties.getProperty(key));
        }
        return copy;
    }

    /**
     * Fails with a one-line reason when the tests see another JUnit than this runner: with Surefire's
     * {@code useSystemClassLoader=false} they may, and an {@code @Test} of one would not be one of the other.
     */
    static void sameJUnit(ClassLoader testClassLoader) {
        Class<?> theirs;
        try {
            theirs = Class.forName(Runner.class.getName(), false, testClassLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("memprobe's JUnit 4 runner finds no JUnit 4 on the test classpath;"
                    + " run with -Dmemprobe.provider=surefire");
        }
        if (theirs != Runner.class) {
            throw new IllegalStateException("memprobe's JUnit 4 runner sees another JUnit 4 than the tests"
                    + " (useSystemClassLoader=false?); run with -Dmemprobe.provider=surefire");
        }
    }
}
