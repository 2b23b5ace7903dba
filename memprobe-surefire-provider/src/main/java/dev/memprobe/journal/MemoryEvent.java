package dev.memprobe.journal;

/**
 * {@code memory}: a periodic sample of the fork's memory, written by the provider's sampler a few times a second, for
 * the report's memory-over-time chart of each probe.
 */
public final class MemoryEvent extends JournalEvent {

    private final long heapUsed;
    private final long liveHeap;
    private final long rss;

    MemoryEvent(long time, long heapUsed, long liveHeap, long rss) {
        super(time);
        this.heapUsed = heapUsed;
        this.liveHeap = liveHeap;
        this.rss = rss;
    }

    /** Heap in use now, garbage included; -1 when not measured. */
    public long heapUsed() {
        return heapUsed;
    }

    /** Heap in use right after the latest collection (the live set); -1 before the first. */
    public long liveHeap() {
        return liveHeap;
    }

    /** The fork's resident memory now; -1 where {@code /proc} does not say. */
    public long rss() {
        return rss;
    }

    @Override
    public EventType type() {
        return EventType.MEMORY;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.memory(this);
    }
}
