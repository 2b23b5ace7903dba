package dev.memprobe.recorder;

import dev.memprobe.journal.TestStatus;
import dev.memprobe.recorder.Recorder.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.testng.IClassListener;
import org.testng.IExecutionListener;
import org.testng.IMethodInstance;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestClass;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * TestNG's events for the {@link Recorder}: loaded by TestNG itself from this jar's service file, under Surefire's
 * TestNG provider and under the JUnit Platform's TestNG engine alike (where the platform's listener speaks first and
 * this one stays silent, as it does through the engine's dry run of TestNG that discovers the tests). A class runs from {@code onBeforeClass} (before its {@code @BeforeClass} methods) to
 * {@code onAfterClass}. TestNG instantiates every test class before the first class event: a death in a static
 * initializer leaves no class in flight.
 */
public final class TestNGListener implements IExecutionListener, ISuiteListener, IClassListener, ITestListener {

    /** TestNG's switch for a run that reports its tests without running them. */
    static final String DRY_RUN = "testng.mode.dryrun";

    private final Recorder recorder;

    /** Made by TestNG from the service file. Never throws. */
    public TestNGListener() {
        this(Recorder.get());
    }

    TestNGListener(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onExecutionStart() {
        if (heard()) {
            recorder.runStarted(Source.TESTNG);
        }
    }

    @Override
    public void onExecutionFinish() {
        if (heard()) {
            recorder.runFinished(Source.TESTNG);
        }
    }

    @Override
    public void onStart(ISuite suite) {
        if (!heard()) {
            return;
        }
        try {
            recorder.runStarted(Source.TESTNG);
            Set<String> names = new LinkedHashSet<>();
            for (ITestNGMethod method : suite.getAllMethods()) {
                names.add(method.getRealClass().getName());
            }
            recorder.plan(Source.TESTNG, new ArrayList<>(names));
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void onFinish(ISuite suite) {}

    @Override
    public void onBeforeClass(ITestClass testClass) {
        if (!heard()) {
            return;
        }
        try {
            recorder.classStarted(Source.TESTNG, testClass.getRealClass().getName());
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void onAfterClass(ITestClass testClass) {
        if (!heard()) {
            return;
        }
        try {
            recorder.classFinished(Source.TESTNG, testClass.getRealClass().getName());
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    /** TestNG 6.9.10 to 6.10 call the class events with the method instance too. */
    public void onBeforeClass(ITestClass testClass, IMethodInstance method) {
        onBeforeClass(testClass);
    }

    /** TestNG 6.9.10 to 6.10 call the class events with the method instance too. */
    public void onAfterClass(ITestClass testClass, IMethodInstance method) {
        onAfterClass(testClass);
    }

    @Override
    public void onTestStart(ITestResult result) {
        if (!heard()) {
            return;
        }
        try {
            recorder.testStarted(
                    Source.TESTNG, className(result), result.getMethod().getMethodName());
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void onTestSuccess(ITestResult result) {
        finished(result, TestStatus.PASSED);
    }

    @Override
    public void onTestFailure(ITestResult result) {
        finished(result, result.getThrowable() instanceof AssertionError ? TestStatus.FAILED : TestStatus.ERRORED);
    }

    @Override
    public void onTestSkipped(ITestResult result) {
        finished(result, TestStatus.SKIPPED);
    }

    @Override
    public void onTestFailedButWithinSuccessPercentage(ITestResult result) {
        finished(result, TestStatus.PASSED);
    }

    @Override
    public void onStart(ITestContext context) {}

    @Override
    public void onFinish(ITestContext context) {}

    private void finished(ITestResult result, TestStatus status) {
        if (!heard()) {
            return;
        }
        try {
            String name = className(result);
            String method = result.getMethod().getMethodName();
            if (status == TestStatus.SKIPPED && !recorder.inFlight(Source.TESTNG, name)) {
                return; // a class skipped whole (a failed configuration): TestNG never started it
            }
            recorder.testFinished(Source.TESTNG, name, method, status, result.getThrowable());
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    /**
     * Whether TestNG's events are journaled: recording is on and TestNG really runs the tests. The JUnit Platform's
     * TestNG engine (Surefire 3.6) discovers them by running TestNG once in its dry-run mode, whose events describe
     * tests that do not run.
     */
    private boolean heard() {
        return recorder.on() && !dryRun();
    }

    private static boolean dryRun() {
        try {
            return Boolean.parseBoolean(System.getProperty(DRY_RUN));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String className(ITestResult result) {
        return result.getTestClass().getRealClass().getName();
    }
}
