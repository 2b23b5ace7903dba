package dev.memprobe.journal;

/**
 * {@code test-end}: a test method ended, with its status and, when it did not pass, its problem; and what the method
 * allocated on the test thread and left behind in the heap, when the provider measured it.
 */
public final class TestEndEvent extends JournalEvent {

    private final String className;
    private final String method;
    private final TestStatus status;
    private final Integer millis;
    private final Problem problem;
    private final long allocated;
    private final long kept;

    TestEndEvent(long time, String className, String method, TestStatus status, Integer millis, Problem problem) {
        this(time, className, method, status, millis, problem, -1, -1);
    }

    TestEndEvent(
            long time,
            String className,
            String method,
            TestStatus status,
            Integer millis,
            Problem problem,
            long allocated,
            long kept) {
        super(time);
        this.allocated = allocated < 0 ? -1 : allocated;
        this.kept = kept < 0 ? -1 : kept;
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

    /** Bytes the test thread allocated during the method, or -1 when not measured. */
    public long allocated() {
        return allocated;
    }

    /**
     * What the method left behind in the heap: the heap after a forced collection at its end less the one before it
     * with {@code exactRetained}, else the live heap after the last collection in it less the live heap at its start
     * (an estimate); -1 when no collection ran during the method, or when not measured.
     */
    public long kept() {
        return kept;
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
