package dev.memprobe.journal;

/** How many tests of a class ran, and how many of them failed, errored or were skipped. Immutable. */
public final class TestCounts {

    public static final TestCounts NONE = new TestCounts(0, 0, 0, 0);

    private final int tests;
    private final int failures;
    private final int errors;
    private final int skipped;

    public TestCounts(int tests, int failures, int errors, int skipped) {
        this.tests = tests;
        this.failures = failures;
        this.errors = errors;
        this.skipped = skipped;
    }

    /** One more test, which ended with {@code status}. */
    public TestCounts plus(TestStatus status) {
        return new TestCounts(
                tests + 1,
                failures + (status == TestStatus.FAILED ? 1 : 0),
                errors + (status == TestStatus.ERRORED ? 1 : 0),
                skipped + (status == TestStatus.SKIPPED ? 1 : 0));
    }

    /** One more error outside any test (the framework gave up on the class itself). */
    public TestCounts plusError() {
        return new TestCounts(tests, failures, errors + 1, skipped);
    }

    public int tests() {
        return tests;
    }

    public int failures() {
        return failures;
    }

    public int errors() {
        return errors;
    }

    public int skipped() {
        return skipped;
    }

    @Override
    public String toString() {
        return tests + " tests, " + failures + " failed, " + errors + " errors, " + skipped + " skipped";
    }
}
