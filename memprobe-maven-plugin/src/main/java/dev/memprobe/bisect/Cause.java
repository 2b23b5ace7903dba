package dev.memprobe.bisect;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a fork died. The {@link #id()} values are the {@code cause} field of {@code report.json}; changing one is a
 * schema change.
 */
public enum Cause {
    HEAP_OOM("heap-oom", true, "heap OutOfMemoryError"),
    METASPACE_OOM("metaspace-oom", true, "metaspace OutOfMemoryError"),
    DIRECT_OOM("direct-oom", true, "direct buffer OutOfMemoryError"),
    THREAD_OOM("thread-oom", true, "unable to create native thread"),
    GC_OVERHEAD("gc-overhead", true, "GC overhead limit exceeded"),
    MEMORY_LIMIT("memory-limit", true, "killed by memprobe's memory limit"),
    KILLED("killed", true, "killed by SIGKILL from outside (exit 137)"),
    TERMINATED("terminated", false, "terminated by SIGTERM from outside (exit 143)"),
    TIMEOUT("timeout", false, "fork timeout"),
    EXIT("exit", false, "System.exit called by a test"),
    JVM_CRASH("jvm-crash", false, "JVM crash"),
    FORK_ERROR("fork-error", false, "error in the forked JVM");

    private final String id;
    private final boolean memory;
    private final String description;

    Cause(String id, boolean memory, String description) {
        this.id = id;
        this.memory = memory;
        this.description = description;
    }

    /** The value in {@code report.json}. */
    public String id() {
        return id;
    }

    /**
     * Whether this is a death of memory. {@link #KILLED} counts: a SIGKILL from outside is what a container's OOM
     * killer sends, though the exit code alone does not prove it.
     */
    public boolean isMemory() {
        return memory;
    }

    public String description() {
        return description;
    }

    public static Optional<Cause> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /**
     * The memory cause an {@code java.lang.OutOfMemoryError} names by its message (heap, metaspace, direct buffers,
     * native threads, GC overhead). Empty for any other throwable: a {@code StackOverflowError} or an assertion is
     * no death of memory, and where one kills the fork its cause is {@link #FORK_ERROR}.
     */
    public static Optional<Cause> ofError(String throwableClass, String message) {
        dev.memprobe.journal.OutOfMemory.Kind kind = dev.memprobe.journal.OutOfMemory.kindOf(throwableClass, message);
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(
                switch (kind) {
                    case HEAP -> HEAP_OOM;
                    case METASPACE -> METASPACE_OOM;
                    case DIRECT_BUFFER -> DIRECT_OOM;
                    case NATIVE_THREAD -> THREAD_OOM;
                    case GC_OVERHEAD -> GC_OVERHEAD;
                });
    }
}
