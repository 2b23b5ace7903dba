package dev.memprobe.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells an {@code OutOfMemoryError} apart, in both JVMs: the fork finds it behind what the test framework reported
 * and decides whether a collection can undo it; the plugin reads from the journal which memory ran out.
 */
public final class OutOfMemory {

    /** The error's class name. */
    public static final String ERROR = "java.lang.OutOfMemoryError";

    /** Which memory ran out, from the error's message. */
    public enum Kind {
        HEAP,
        METASPACE,
        DIRECT_BUFFER,
        NATIVE_THREAD,
        GC_OVERHEAD
    }

    private OutOfMemory() {}

    /**
     * Which memory an {@code java.lang.OutOfMemoryError} names by its message (heap, metaspace, direct buffers,
     * native threads, GC overhead; the heap when the message names none). Null for any other throwable: a
     * {@code StackOverflowError} or an assertion is no death of memory.
     */
    public static Kind kindOf(String throwableClass, String message) {
        if (!ERROR.equals(throwableClass)) {
            return null;
        }
        String text = message == null ? "" : message;
        if (text.contains("Metaspace") || text.contains("Compressed class space") || text.contains("PermGen")) {
            return Kind.METASPACE;
        }
        if (text.contains("Direct buffer memory") || text.contains("Cannot reserve")) {
            return Kind.DIRECT_BUFFER;
        }
        if (text.contains("native thread")) {
            return Kind.NATIVE_THREAD;
        }
        if (text.contains("GC overhead limit")) {
            return Kind.GC_OVERHEAD;
        }
        return Kind.HEAP;
    }

    /**
     * The memory error behind {@code problem}, or null: the first {@code OutOfMemoryError} in the cause chain (only
     * that error: other VM errors such as {@code StackOverflowError} are not about memory, and some wrap one, as
     * {@code InternalError} does), or an {@code OutOfMemoryError} a class initializer swallowed. When memory runs out
     * inside a static initializer (the test's, or JUnit's own), later uses of that class throw
     * {@code NoClassDefFoundError} "Could not initialize class", whose cause names the original error only in its
     * message.
     */
    public static Problem find(Throwable problem) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = problem; t != null && !seen.contains(t); t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return new Problem(t.getClass().getName(), t.getMessage());
            }
            seen.add(t);
        }
        for (Throwable t : seen) {
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf(ERROR);
            if (at >= 0) {
                String rest = message.substring(at + ERROR.length());
                if (rest.startsWith(":")) {
                    rest = rest.substring(1);
                }
                int end = rest.indexOf(" [in thread");
                return new Problem(ERROR, (end >= 0 ? rest.substring(0, end) : rest).trim());
            }
        }
        return null;
    }

    /**
     * Whether {@code problem} is an {@code OutOfMemoryError} of the Java heap, which a collection can undo: the heap
     * space, the GC overhead limit or an array too large; not metaspace, threads or buffers.
     */
    public static boolean collectable(Throwable problem) {
        Problem error = find(problem);
        if (error == null || error.message() == null) {
            return false;
        }
        String message = error.message();
        return message.startsWith("Java heap space")
                || message.startsWith("GC overhead limit exceeded")
                || message.startsWith("Requested array size exceeds VM limit");
    }
}
