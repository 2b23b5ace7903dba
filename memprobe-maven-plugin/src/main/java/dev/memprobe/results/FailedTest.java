package dev.memprobe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test that failed or errored, as Surefire's XML report of its class has it: the {@code <failure>} or
 * {@code <error>} of one {@code <testcase>}.
 *
 * @param className the test class, as the report's {@code classname}
 * @param method the test's name, as the report's {@code name}
 * @param error whether it is an {@code <error>} (an exception other than an assertion) rather than a failure
 * @param type the throwable's class, as the report's {@code type}; null when it has none
 * @param message the throwable's message; null when it had none
 * @param trace the stack trace, as the report's text; empty when it has none
 */
public record FailedTest(String className, String method, boolean error, String type, String message, String trace) {

    private static final Pattern FRAME =
            Pattern.compile("^\\s*at (?:[^\\s/]+/)*([\\w$.]+)\\.([\\w$<>]+)\\((?:[^:()]*):(\\d+)\\)");

    /**
     * The line Surefire prints for this test under "Failures:" or "Errors:": the test class's simple name, each of
     * its frames from the test to the throw ({@code CatalogTest.imports:42->load:17}), then the message; a throwable
     * that is not an assertion is named first, shortened ({@code » IllegalState boom}). As Surefire's
     * {@code SmartStackTraceParser} does, from the report's text instead of the live throwable.
     */
    public String surefireLine() {
        String simple = simple(className);
        List<String[]> frames = framesOfTheTestClass();
        StringBuilder line = new StringBuilder(simple);
        if (frames.isEmpty()) {
            if (method != null && !method.isEmpty()) {
                line.append('.').append(method);
            }
        } else {
            for (int i = frames.size() - 1; i >= 0; i--) {
                line.append(i == frames.size() - 1 ? "." : "->")
                        .append(frames.get(i)[0])
                        .append(':')
                        .append(frames.get(i)[1]);
            }
        }
        if (type != null && !isAssertion(type)) {
            line.append(thrownInTheTestClass() ? " " : " » ").append(shortName(type));
        }
        if (message != null && !message.isEmpty()) {
            line.append(' ').append(message);
        }
        return line.toString();
    }

    /** The frames of the test class itself, innermost first: each its method and line. */
    private List<String[]> framesOfTheTestClass() {
        List<String[]> frames = new ArrayList<>();
        for (String row : trace.split("\n")) {
            if (row.trim().startsWith("Caused by:")) {
                break;
            }
            Matcher m = FRAME.matcher(row);
            if (m.find() && m.group(1).equals(className)) {
                frames.add(new String[] {m.group(2), m.group(3)});
            }
        }
        return frames;
    }

    /** The line of the innermost frame in the test class's own file, or -1: where in the test it went wrong. */
    public int lineInTest() {
        List<String[]> frames = framesOfTheTestClass();
        return frames.isEmpty() ? -1 : Integer.parseInt(frames.get(0)[1]);
    }

    private boolean thrownInTheTestClass() {
        for (String row : trace.split("\n")) {
            Matcher m = FRAME.matcher(row);
            if (m.find()) {
                return m.group(1).equals(className);
            }
        }
        return false;
    }

    /** Assertion errors are the failures Surefire names by their message alone. */
    static boolean isAssertion(String type) {
        return type.endsWith("AssertionError")
                || type.equals("junit.framework.AssertionFailedError")
                || type.equals("junit.framework.ComparisonFailure")
                || type.startsWith("org.opentest4j.");
    }

    /** {@code java.lang.IllegalStateException} as {@code IllegalState}, as Surefire shortens it. */
    static String shortName(String type) {
        String name = simple(type);
        if (name.endsWith("Exception") && name.length() > "Exception".length()) {
            return name.substring(0, name.length() - "Exception".length());
        }
        if (name.endsWith("Error") && name.length() > "Error".length()) {
            return name.substring(0, name.length() - "Error".length());
        }
        return name;
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
