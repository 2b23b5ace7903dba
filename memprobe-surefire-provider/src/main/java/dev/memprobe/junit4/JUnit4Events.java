package dev.memprobe.junit4;

import java.util.HashMap;
import java.util.Map;
import org.apache.maven.surefire.api.report.OutputReportEntry;
import org.apache.maven.surefire.api.report.ReportEntry;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.TestOutputReceiver;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.util.internal.TestClassMethodNameUtils;
import org.junit.Ignore;
import org.junit.runner.Description;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * JUnit 4's events as Surefire's reporter hears them from Surefire's own JUnit 4 provider: a test is its class and
 * method as JUnit names them; a failure that is an {@link AssertionError} is a failed test, any other an error (an
 * {@code OutOfMemoryError} too, with the error itself for memprobe's recorder); a class-level failure (a
 * {@code @BeforeClass}, an initializer) has no method. The console output of the tests goes to the reporter.
 *
 * <p>Tests run one at a time on the test thread (memprobe turns parallel execution off), so the test in flight is
 * plain state.
 */
final class JUnit4Events extends RunListener implements TestOutputReceiver<OutputReportEntry> {

    private final TestReportListener<TestOutputReportEntry> reporter;
    private final Map<String, Long> classIds = new HashMap<>();
    private final Map<String, Long> methodIds = new HashMap<>();
    private volatile long current;
    private boolean failed;

    JUnit4Events(TestReportListener<TestOutputReportEntry> reporter) {
        this.reporter = reporter;
    }

    /** The run id of a class starting now; the console output from now on is the class's. */
    long classStarting(String className) {
        long id = classId(className);
        methodIds.clear(); // unique within the class is enough: the class's index is in the upper half
        current = id;
        return id;
    }

    @Override
    public void testStarted(Description description) {
        failed = false;
        reporter.testStarting(entry(description));
    }

    @Override
    public void testFailure(Failure failure) {
        failed = true;
        Description description = failure.getDescription();
        String[] names = names(description);
        ReportEntry report = SimpleReportEntry.withException(
                RunMode.NORMAL_RUN,
                id(names),
                names[0],
                null,
                names[1],
                null,
                new FailureTrace(names[0], names[1], failure.getException()));
        if (failure.getException() instanceof AssertionError) {
            reporter.testFailed(report);
        } else {
            reporter.testError(report);
        }
    }

    @Override
    public void testAssumptionFailure(Failure failure) {
        failed = true;
        String[] names = names(failure.getDescription());
        reporter.testAssumptionFailure(SimpleReportEntry.assumption(
                RunMode.NORMAL_RUN, id(names), names[0], null, names[1], null, failure.getMessage()));
    }

    @Override
    public void testIgnored(Description description) {
        String[] names = names(description);
        Ignore ignore = description.getAnnotation(Ignore.class);
        reporter.testSkipped(SimpleReportEntry.ignored(
                RunMode.NORMAL_RUN, id(names), names[0], null, names[1], null, ignore == null ? null : ignore.value()));
    }

    @Override
    public void testFinished(Description description) {
        if (!failed) {
            reporter.testSucceeded(entry(description));
        }
        failed = false;
    }

    @Override
    public void writeTestOutput(OutputReportEntry output) {
        reporter.writeTestOutput(new TestOutputReportEntry(output, RunMode.NORMAL_RUN, current));
    }

    private SimpleReportEntry entry(Description description) {
        String[] names = names(description);
        return new SimpleReportEntry(RunMode.NORMAL_RUN, id(names), names[0], null, names[1], null);
    }

    /**
     * Class and method as Surefire's JUnit 4 provider names them, from the display name {@code method(a.b.C)}; a
     * class-level description names its class only, an early failure with no name its first child's.
     */
    static String[] names(Description description) {
        String className = TestClassMethodNameUtils.extractClassName(description.getDisplayName());
        Description named = description;
        if (className == null || "null".equals(className)) {
            if (!description.getChildren().isEmpty()) {
                named = description.getChildren().get(0);
                className = TestClassMethodNameUtils.extractClassName(named.getDisplayName());
            }
            if (className == null) {
                className = "Test Instantiation Error";
            }
        }
        return new String[] {className, TestClassMethodNameUtils.extractMethodName(named.getDisplayName())};
    }

    /** Class index in the upper half, the class's method index in the lower, as Surefire numbers them. */
    private long id(String[] names) {
        long classId = classId(names[0]);
        if (names[1] == null) {
            current = classId;
            return classId;
        }
        String key = names[0] + '#' + names[1];
        Long id = methodIds.get(key);
        if (id == null) {
            id = (classId << 32) | (methodIds.size() + 1);
            methodIds.put(key, id);
        }
        current = id;
        return id;
    }

    private long classId(String className) {
        Long id = classIds.get(className);
        if (id == null) {
            id = (long) classIds.size() + 1;
            classIds.put(className, id);
        }
        return id;
    }
}
