package dev.memprobe.provider;

import org.apache.maven.surefire.api.report.ReporterFactory;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.suite.RunResult;

/** Hands the provider listeners that measure before they report. */
final class MeasuringReporterFactory implements ReporterFactory {

    private final ReporterFactory target;
    private final RunRecorder recorder;

    MeasuringReporterFactory(ReporterFactory target, RunRecorder recorder) {
        this.target = target;
        this.recorder = recorder;
    }

    @Override
    public TestReportListener<TestOutputReportEntry> createTestReportListener() {
        return new MeasuringListener(target.createTestReportListener(), recorder);
    }

    @Override
    public RunResult close() {
        return target.close();
    }
}
