package dev.memprobe.journal;

/**
 * {@code gc-overhead}: the JVM is past saving. It spent {@link #gcMillis()} of the last {@link #windowMillis()} in
 * collections, and each of the window's collections left at least {@link #leastLive()} of {@link #maxHeap()} live,
 * while a class (and test) ran. Written once per fork.
 */
public final class GcOverheadEvent extends JournalEvent {

    private final String className;
    private final String method;
    private final long windowMillis;
    private final long gcMillis;
    private final int collections;
    private final long leastLive;
    private final long maxHeap;
    private final Measures measures;

    GcOverheadEvent(
            long time,
            String className,
            String method,
            long windowMillis,
            long gcMillis,
            int collections,
            long leastLive,
            long maxHeap,
            Measures measures) {
        super(time);
        this.className = className;
        this.method = method;
        this.windowMillis = windowMillis;
        this.gcMillis = gcMillis;
        this.collections = collections;
        this.leastLive = leastLive;
        this.maxHeap = maxHeap;
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

    /** How far back the time in collections was measured, or -1. */
    public long windowMillis() {
        return windowMillis;
    }

    /** How much of the window collections took, or -1. */
    public long gcMillis() {
        return gcMillis;
    }

    /** How many collections ended in the window, or -1. */
    public int collections() {
        return collections;
    }

    /** The least heap used after a collection in the window, bytes, or -1. */
    public long leastLive() {
        return leastLive;
    }

    /** The heap's maximum, bytes, or -1. */
    public long maxHeap() {
        return maxHeap;
    }

    /** The measurements of the class in flight so far, or null. */
    public Measures measures() {
        return measures;
    }

    @Override
    public EventType type() {
        return EventType.GC_OVERHEAD;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.gcOverhead(this);
    }
}
