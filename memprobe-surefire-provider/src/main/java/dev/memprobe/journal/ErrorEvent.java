package dev.memprobe.journal;

/** {@code error}: a throwable escaped the test framework and the fork is about to die of it. */
public final class ErrorEvent extends JournalEvent {

    private final String className;
    private final String method;
    private final Problem problem;
    private final Measures measures;

    ErrorEvent(long time, String className, String method, Problem problem, Measures measures) {
        super(time);
        this.className = className;
        this.method = method;
        this.problem = problem;
        this.measures = measures;
    }

    /** The class in flight, or null. */
    public String className() {
        return className;
    }

    /** The test in flight, or null. */
    public String method() {
        return method;
    }

    /** What escaped (the memory error behind it, when there is one), or null. */
    public Problem problem() {
        return problem;
    }

    /** The measurements of the class in flight so far, or null when none was measured. */
    public Measures measures() {
        return measures;
    }

    @Override
    public EventType type() {
        return EventType.ERROR;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.error(this);
    }
}
