package dev.memprobe.journal;

/** {@code class-start}: a test class began; without its {@code class-end} it was in flight when the fork died. */
public final class ClassStartEvent extends JournalEvent {

    private final String className;
    private final int seq;

    ClassStartEvent(long time, String className, int seq) {
        super(time);
        this.className = className;
        this.seq = seq;
    }

    public String className() {
        return className;
    }

    /** The class's number in the fork, from 1 (0 when not written). */
    public int seq() {
        return seq;
    }

    @Override
    public EventType type() {
        return EventType.CLASS_START;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.classStart(this);
    }
}
