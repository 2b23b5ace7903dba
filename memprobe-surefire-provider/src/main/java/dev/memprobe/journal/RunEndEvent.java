package dev.memprobe.journal;

/** {@code run-end}: the provider returned normally, after {@link #classes()} classes. */
public final class RunEndEvent extends JournalEvent {

    private final int classes;

    RunEndEvent(long time, int classes) {
        super(time);
        this.classes = classes;
    }

    /** How many classes started (the last class's {@code seq}). */
    public int classes() {
        return classes;
    }

    @Override
    public EventType type() {
        return EventType.RUN_END;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.runEnd(this);
    }
}
