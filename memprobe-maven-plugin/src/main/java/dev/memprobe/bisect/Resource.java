package dev.memprobe.bisect;

/**
 * What a fork can run out of, as the provider measures it: the measurement a death's evidence is read in (a heap
 * death shows the heap's peak, a thread death the live threads) and the one the polluter search ranks classes by.
 */
public enum Resource {
    HEAP,
    METASPACE,
    DIRECT_BUFFERS,
    THREADS,
    RSS;

    /** The class's peak of this resource: how close it came to the limit; -1 when not measured. */
    public long peak(Measure m) {
        return switch (this) {
            case HEAP -> m.heapPeak();
            case METASPACE -> m.metaspacePeak();
            case DIRECT_BUFFERS -> m.directPeak();
            case THREADS -> m.threadsPeak();
            case RSS -> m.rssPeak();
        };
    }
}
