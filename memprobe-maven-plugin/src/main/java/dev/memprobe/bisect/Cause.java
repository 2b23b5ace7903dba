package dev.memprobe.bisect;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a fork died, and what the search and the report make of it. The {@link #id()} values are the {@code cause} field
 * of {@code report.json}; changing one is a schema change.
 *
 * <p>A cause's policy is declared with it: the {@link Resource} its evidence is measured in, and its {@link Origin},
 * from which follow whether it is a death of memory, whether it came from outside memprobe, whether the search can
 * bring it about again, whether the rest of the suite may follow the class in the fork that runs it alone, and whether
 * earlier classes can be to blame. Its words are the report's: {@code dev.memprobe.report.Advice} switches over the
 * causes without a default, so a new cause does not compile until it has its advice.
 */
public enum Cause {
    HEAP_OOM("heap-oom", "heap OutOfMemoryError", Resource.HEAP, Origin.MEMORY),
    METASPACE_OOM("metaspace-oom", "metaspace OutOfMemoryError", Resource.METASPACE, Origin.MEMORY),
    DIRECT_OOM("direct-oom", "direct buffer OutOfMemoryError", Resource.DIRECT_BUFFERS, Origin.MEMORY),
    THREAD_OOM("thread-oom", "unable to create native thread", Resource.THREADS, Origin.MEMORY),
    GC_OVERHEAD("gc-overhead", "GC overhead limit exceeded", Resource.HEAP, Origin.MEMORY),
    MEMORY_LIMIT("memory-limit", "killed by memprobe's memory limit", Resource.RSS, Origin.MEMORY),
    KILLED("killed", "killed by SIGKILL from outside (exit 137)", Resource.RSS, Origin.SIGKILL_FROM_OUTSIDE),
    TERMINATED(
            "terminated", "terminated by SIGTERM from outside (exit 143)", Resource.HEAP, Origin.SIGTERM_FROM_OUTSIDE),
    TIMEOUT("timeout", "fork timeout", Resource.HEAP, Origin.FORK_TIMEOUT),
    EXIT("exit", "System.exit called by a test", Resource.HEAP, Origin.IN_THE_FORK),
    JVM_CRASH("jvm-crash", "JVM crash", Resource.HEAP, Origin.IN_THE_FORK),
    FORK_ERROR("fork-error", "error in the forked JVM", Resource.HEAP, Origin.IN_THE_FORK);

    /** What ended the fork, as far as the search is concerned. */
    public enum Origin {
        /** The fork ran out of memory: an {@code OutOfMemoryError}, or memprobe's memory limit. */
        MEMORY,
        /**
         * A SIGKILL from outside memprobe: what a container's OOM killer sends (though the exit code alone does not
         * prove it), and what memprobe's memory limit does too, so the search can bring it about again.
         */
        SIGKILL_FROM_OUTSIDE,
        /** A SIGTERM from outside memprobe (a CI job's timeout?): a signal memprobe cannot send again. */
        SIGTERM_FROM_OUTSIDE,
        /** memprobe's fork timeout: the whole fork's clock, not the class's alone. */
        FORK_TIMEOUT,
        /** Something the tests or the JVM did: {@code System.exit}, a crash, an error that is not about memory. */
        IN_THE_FORK
    }

    private final String id;
    private final String description;
    private final Resource resource;
    private final Origin origin;

    Cause(String id, String description, Resource resource, Origin origin) {
        this.id = id;
        this.description = description;
        this.resource = resource;
        this.origin = origin;
    }

    /** The value in {@code report.json}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether the description already says exit code {@code exitCode} (a SIGKILL's "(exit 137)"). */
    public boolean describesExit(int exitCode) {
        return description.contains("exit " + exitCode);
    }

    /**
     * The measurement that shows how close a class came to the limit that killed the fork, and that ranks what the
     * classes before it left behind. A death that is not of memory shows the heap's, the one a reader looks at first.
     */
    public Resource resource() {
        return resource;
    }

    public Origin origin() {
        return origin;
    }

    /**
     * Whether this is a death of memory. {@link #KILLED} counts: a SIGKILL from outside is what a container's OOM
     * killer sends. A {@link #JVM_CRASH} may be one too, when native memory ran out: {@link Failure#isMemory()} tells.
     */
    public boolean isMemory() {
        return switch (origin) {
            case MEMORY, SIGKILL_FROM_OUTSIDE -> true;
            case SIGTERM_FROM_OUTSIDE, FORK_TIMEOUT, IN_THE_FORK -> false;
        };
    }

    /** Whether a signal from outside memprobe ended the fork (memprobe's own limit and timeout are not from outside). */
    public boolean fromOutside() {
        return switch (origin) {
            case SIGKILL_FROM_OUTSIDE, SIGTERM_FROM_OUTSIDE -> true;
            case MEMORY, FORK_TIMEOUT, IN_THE_FORK -> false;
        };
    }

    /**
     * Whether the search can bring the death about again by running classes: not a signal from outside that is not
     * about memory, since memprobe cannot reproduce a signal it did not send.
     */
    public boolean reproducible() {
        return switch (origin) {
            case MEMORY, SIGKILL_FROM_OUTSIDE, FORK_TIMEOUT, IN_THE_FORK -> true;
            case SIGTERM_FROM_OUTSIDE -> false;
        };
    }

    /**
     * Whether the classes the fork did not run may follow the dying class in the fork that asks whether it dies
     * alone. Not after a fork timeout, where the fork's clock would count them too, nor after a death the search does
     * not run again.
     */
    public boolean restMayFollow() {
        return switch (origin) {
            case MEMORY, SIGKILL_FROM_OUTSIDE, IN_THE_FORK -> true;
            case SIGTERM_FROM_OUTSIDE, FORK_TIMEOUT -> false;
        };
    }

    /**
     * Whether the fork for the classes a death of this cause left unrun carries what the suite with the culprits
     * found so far fixed runs before them (their memory). Not after a fork timeout: its clock would count the carried
     * classes again, and time, unlike memory, is the fork's, not what the classes before kept.
     */
    public boolean carriesPast() {
        return switch (origin) {
            case MEMORY, SIGKILL_FROM_OUTSIDE, SIGTERM_FROM_OUTSIDE, IN_THE_FORK -> true;
            case FORK_TIMEOUT -> false;
        };
    }

    /**
     * Whether a class that died of it in a fork and survives alone can be the victim of the classes before it. Not
     * after a fork timeout: it is the whole suite that runs too long.
     */
    public boolean pollutable() {
        return switch (origin) {
            case MEMORY, SIGKILL_FROM_OUTSIDE, SIGTERM_FROM_OUTSIDE, IN_THE_FORK -> true;
            case FORK_TIMEOUT -> false;
        };
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
