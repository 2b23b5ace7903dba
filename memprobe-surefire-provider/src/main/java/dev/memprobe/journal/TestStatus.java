package dev.memprobe.journal;

/** How a test ended, as a {@code test-end} line says. */
public enum TestStatus {
    PASSED("passed"),
    FAILED("failed"),
    ERRORED("error"),
    SKIPPED("skipped");

    private final String name;

    TestStatus(String name) {
        this.name = name;
    }

    String journalName() {
        return name;
    }

    /** The status of that name, or null for one this version does not know. */
    static TestStatus named(String name) {
        for (TestStatus status : values()) {
            if (status.name.equals(name)) {
                return status;
            }
        }
        return null;
    }
}
