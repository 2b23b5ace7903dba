package dev.memprobe.measure;

/** What one test method allocated on the test thread and left behind in the heap, in bytes; -1 where not measured. */
public final class MethodFigures {
    private final long allocated;
    private final long kept;

    public MethodFigures(long allocated, long kept) {
        this.allocated = allocated;
        this.kept = kept;
    }

    public long allocated() {
        return allocated;
    }

    public long kept() {
        return kept;
    }
}
