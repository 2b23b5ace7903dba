package dev.memprobe.journal;

/** {@code recovered}: after a heap {@code OutOfMemoryError} of a class, a full collection gave the heap back. */
public final class RecoveredEvent extends JournalEvent {

    private final String className;
    private final long used;
    private final long max;

    RecoveredEvent(long time, String className, long used, long max) {
        super(time);
        this.className = className;
        this.used = used;
        this.max = max;
    }

    public String className() {
        return className;
    }

    /** Heap in use after the collection, or -1. */
    public long used() {
        return used;
    }

    /** The heap's maximum, or -1. */
    public long max() {
        return max;
    }

    @Override
    public EventType type() {
        return EventType.RECOVERED;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.recovered(this);
    }
}
