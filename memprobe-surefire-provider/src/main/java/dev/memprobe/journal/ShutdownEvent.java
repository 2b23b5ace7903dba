package dev.memprobe.journal;

/** {@code shutdown}: the JVM began to exit while a test class ran. */
public final class ShutdownEvent extends JournalEvent {

    private final ShutdownTrigger trigger;
    private final String caller;
    private final String className;
    private final String method;
    private final Measures measures;

    ShutdownEvent(
            long time, ShutdownTrigger trigger, String caller, String className, String method, Measures measures) {
        super(time);
        this.trigger = trigger;
        this.caller = caller;
        this.className = className;
        this.method = method;
        this.measures = measures;
    }

    /** Why the JVM exits, or null when the line names no trigger this version knows. */
    public ShutdownTrigger trigger() {
        return trigger;
    }

    /** For {@link ShutdownTrigger#EXIT}: the frame that called it; for a signal: its name. May be null. */
    public String caller() {
        return caller;
    }

    public String className() {
        return className;
    }

    public String method() {
        return method;
    }

    /** The measurements of the class in flight so far, or null when none was measured. */
    public Measures measures() {
        return measures;
    }

    @Override
    public EventType type() {
        return EventType.SHUTDOWN;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.shutdown(this);
    }
}
