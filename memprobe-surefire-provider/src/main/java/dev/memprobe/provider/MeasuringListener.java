package dev.memprobe.provider;

import dev.memprobe.journal.TestStatus;
import org.apache.maven.surefire.api.report.ReportEntry;
import org.apache.maven.surefire.api.report.SafeThrowable;
import org.apache.maven.surefire.api.report.StackTraceWriter;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.report.TestSetReportEntry;

/**
 * Sits between Surefire's provider and Surefire's reporter: tells the {@link RunRecorder} about every class and test,
 * then passes the callback on unchanged.
 */
final class MeasuringListener implements TestReportListener<TestOutputReportEntry> {

    private final TestReportListener<TestOutputReportEntry> target;
    private final RunRecorder recorder;

    MeasuringListener(TestReportListener<TestOutputReportEntry> target, RunRecorder recorder) {
        this.target = target;
        this.recorder = recorder;
    }

    @Override
    public void testSetStarting(TestSetReportEntry report) {
        recorder.testSetStarting(report.getSourceName());
        target.testSetStarting(report);
    }

    @Override
    public void testSetCompleted(TestSetReportEntry report) {
        target.testSetCompleted(report);
        recorder.testSetCompleted();
    }

    @Override
    public void testStarting(ReportEntry report) {
        recorder.testStarting(report.getSourceName(), report.getName());
        target.testStarting(report);
    }

    @Override
    public void testSucceeded(ReportEntry report) {
        ended(report, TestStatus.PASSED);
        target.testSucceeded(report);
    }

    @Override
    public void testAssumptionFailure(ReportEntry report) {
        ended(report, TestStatus.SKIPPED);
        target.testAssumptionFailure(report);
    }

    @Override
    public void testError(ReportEntry report) {
        ended(report, TestStatus.ERRORED);
        target.testError(report);
    }

    @Override
    public void testFailed(ReportEntry report) {
        ended(report, TestStatus.FAILED);
        target.testFailed(report);
    }

    @Override
    public void testSkipped(ReportEntry report) {
        ended(report, TestStatus.SKIPPED);
        target.testSkipped(report);
    }

    @Override
    public void testExecutionSkippedByUser() {
        target.testExecutionSkippedByUser();
    }

    @Override
    public void writeTestOutput(TestOutputReportEntry reportEntry) {
        target.writeTestOutput(reportEntry);
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isDebugEnabled();
    }

    @Override
    public void debug(String message) {
        target.debug(message);
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isInfoEnabled();
    }

    @Override
    public void info(String message) {
        target.info(message);
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isWarnEnabled();
    }

    @Override
    public void warning(String message) {
        target.warning(message);
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isErrorEnabled();
    }

    @Override
    public void error(String message) {
        target.error(message);
    }

    @Override
    public void error(String message, Throwable t) {
        target.error(message, t);
    }

    @Override
    public void error(Throwable t) {
        target.error(t);
    }

    private void ended(ReportEntry report, TestStatus status) {
        recorder.testEnded(report.getSourceName(), report.getName(), status, report.getElapsed(), problem(report));
    }

    private static Throwable problem(ReportEntry report) {
        StackTraceWriter trace = report.getStackTraceWriter();
        SafeThrowable safe = trace == null ? null : trace.getThrowable();
        return safe == null ? null : safe.getTarget();
    }
}
