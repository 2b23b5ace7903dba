package dev.memprobe.junit4;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.maven.surefire.api.report.SafeThrowable;
import org.apache.maven.surefire.api.report.StackTraceWriter;

/**
 * A test's failure for Surefire's reporter: the stack trace, and a one-line summary naming the test and where in it
 * the failure came from. The failure itself stays reachable ({@link #getThrowable()}), so memprobe's recorder tells an
 * {@code OutOfMemoryError} from other failures.
 */
final class FailureTrace implements StackTraceWriter {

    private final String className;
    private final String method;
    private final Throwable failure;

    FailureTrace(String className, String method, Throwable failure) {
        this.className = className;
        this.method = method;
        this.failure = failure;
    }

    @Override
    public String writeTraceToString() {
        if (failure == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Override
    public String writeTrimmedTraceToString() {
        return writeTraceToString();
    }

    /** {@code C.method:42 AssertionError expected...}: the deepest frame of the test class, then the failure. */
    @Override
    public String smartTrimmedStackTrace() {
        if (failure == null) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        String simple = className == null ? "" : className.substring(className.lastIndexOf('.') + 1);
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().equals(className)) {
                line.append(simple).append('.').append(frame.getMethodName());
                if (frame.getLineNumber() > 0) {
                    line.append(':').append(frame.getLineNumber());
                }
                line.append(' ');
                break;
            }
        }
        if (line.length() == 0 && className != null) {
            line.append(simple);
            if (method != null) {
                line.append('.').append(method);
            }
            line.append(' ');
        }
        line.append(failure.getClass().getSimpleName());
        String message = failure.getMessage();
        if (message != null) {
            line.append(' ').append(message);
        }
        return line.toString();
    }

    @Override
    public SafeThrowable getThrowable() {
        return new SafeThrowable(failure);
    }
}
