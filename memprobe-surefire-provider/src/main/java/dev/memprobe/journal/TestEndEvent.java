package dev.memprobe.journal;

/** {@code test-end}: a test method ended, with its status and, when it did not pass, its problem. */
public final class TestEndEvent extends JournalEvent {

    private final String className;
    private final String method;
    private final TestStatus status;
    private final Integer millis;
    private final Problem problem;

    TestEndEvent(long time, String className, String method, TestStatus status, Integer millis, Problem problem) {
        super(time);
        this.className = className;
        this.method = method;
        this.status = status;
        this.millis = millis;
        this.problem = problem;
    }

    public String className() {
        return className;
    }

    public String method() {
        return method;
    }

    /** The status, or null when the line has none this version knows. */
    public TestStatus status() {
        return status;
    }

    /** The test's duration as the framework reported it, or null. */
    public Integer millis() {
        return millis;
    }

    /** What the test threw, or null. */
    public Problem problem() {
        return problem;
    }

    /** Which memory ran out when the test failed of an {@code OutOfMemoryError}, else null. */
    public OutOfMemory.Kind memoryKind() {
        return problem == null ? null : problem.memoryKind();
    }

    @Override
    public EventType type() {
        return EventType.TEST_END;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.testEnd(this);
    }
}
