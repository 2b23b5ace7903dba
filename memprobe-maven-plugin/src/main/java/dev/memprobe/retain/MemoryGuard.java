package dev.memprobe.retain;

import java.util.function.LongSupplier;

/**
 * Whether Maven's JVM has the memory to read a dump: the analyser keeps about {@value #BYTES_PER_OBJECT} bytes per
 * object, and a HotSpot dump takes at least {@value #FILE_BYTES_PER_OBJECT} bytes of file per object (measured: 39 to
 * 67), so a file of N bytes needs at most about {@code N / 32 * 45} bytes of heap. A dump that does not fit is kept and
 * the report says so, rather than Maven running out of memory.
 */
public final class MemoryGuard {

    static final long BYTES_PER_OBJECT = 45;
    static final long FILE_BYTES_PER_OBJECT = 32;

    private final LongSupplier free;
    private final Runnable collect;

    /** @param free the bytes Maven's heap can still give */
    public MemoryGuard(LongSupplier free) {
        this(free, () -> {});
    }

    /** @param collect frees what can be freed, tried once before a dump is refused (the last dump's garbage) */
    MemoryGuard(LongSupplier free, Runnable collect) {
        this.free = free;
        this.collect = collect;
    }

    /** This JVM's heap: its maximum less what is in use, after a collection when that is too little. */
    public static MemoryGuard ofThisJvm() {
        return new MemoryGuard(
                () -> {
                    Runtime runtime = Runtime.getRuntime();
                    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
                },
                System::gc);
    }

    /** The heap a dump of {@code fileBytes} needs, at most. */
    static long needed(long fileBytes) {
        return fileBytes / FILE_BYTES_PER_OBJECT * BYTES_PER_OBJECT + (32L << 20);
    }

    /** Why a dump of {@code fileBytes} is not read, or null when it fits. */
    String refuse(long fileBytes) {
        long needed = needed(fileBytes);
        long available = free.getAsLong();
        if (available < needed) {
            collect.run();
            available = free.getAsLong();
        }
        if (available >= needed) {
            return null;
        }
        return "not analysed: reading this " + (fileBytes >> 20) + " MiB dump needs up to " + (needed >> 20)
                + " MiB of Maven's heap and " + (Math.max(0, available) >> 20) + " MiB are free; give Maven more"
                + " (MAVEN_OPTS=-Xmx" + Math.max(1, (needed * 2) >> 30) + "g) or open the dump in a heap analyser";
    }
}
