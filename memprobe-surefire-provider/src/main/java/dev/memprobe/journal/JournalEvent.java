package dev.memprobe.journal;

/**
 * One line of the journal, decoded: an immutable value of one of the {@link EventType}s. Made by
 * {@link JournalWriter} in the fork and by {@link JournalDecoder} in the plugin; handled through a
 * {@link JournalVisitor}.
 */
public abstract class JournalEvent {

    private final long time;

    JournalEvent(long time) {
        this.time = time;
    }

    /** When the line was written, epoch milliseconds (0 when a line had none). */
    public final long time() {
        return time;
    }

    public abstract EventType type();

    /** Calls the visitor's method for this event. */
    public abstract void accept(JournalVisitor visitor);

    @Override
    public String toString() {
        return JournalEncoder.encode(this).trim();
    }
}
