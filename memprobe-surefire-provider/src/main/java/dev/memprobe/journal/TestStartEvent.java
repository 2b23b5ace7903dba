package dev.memprobe.journal;

/** {@code test-start}: a test method began. */
public final class TestStartEvent extends JournalEvent {

    private final String className;
    private final String method;

    TestStartEvent(long time, String className, String method) {
        super(time);
        this.className = className;
        this.method = method;
    }

    public String className() {
        return className;
    }

    public String method() {
        return method;
    }

    @Override
    public EventType type() {
        return EventType.TEST_START;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.testStart(this);
    }
}
