package dev.memprobe.journal;

/** {@code near-limit}: a heap pool was still nearly full after a collection, while a class (and test) ran. */
public final class NearLimitEvent extends JournalEvent {

    private final String className;
    private final String method;
    private final String pool;
    private final long used;
    private final long max;

    NearLimitEvent(long time, String className, String method, String pool, long used, long max) {
        super(time);
        this.className = className;
        this.method = method;
        this.pool = pool;
        this.used = used;
        this.max = max;
    }

    /** The class in flight, or null. */
    public String className() {
        return className;
    }

    /** The test in flight, or null. */
    public String method() {
        return method;
    }

    public String pool() {
        return pool;
    }

    /** Bytes in use after the collection, or -1. */
    public long used() {
        return used;
    }

    /** The pool's maximum, or -1. */
    public long max() {
        return max;
    }

    @Override
    public EventType type() {
        return EventType.NEAR_LIMIT;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.nearLimit(this);
    }
}
