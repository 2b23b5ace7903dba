package dev.memprobe.journal;

/**
 * A throwable as the journal carries it: its class name and message. For a test that failed of memory it is the
 * {@code OutOfMemoryError} behind what the framework reported ({@link #of}), so that both JVMs read the same error.
 */
public final class Problem {

    private final String throwable;
    private final String message;

    /**
     * @param throwable the throwable's class name, or null when not known
     * @param message its message, or null
     */
    public Problem(String throwable, String message) {
        this.throwable = throwable;
        this.message = message;
    }

    /** The memory error behind {@code problem} ({@link OutOfMemory#find}), else {@code problem} itself. */
    public static Problem of(Throwable problem) {
        Problem memory = OutOfMemory.find(problem);
        return memory != null ? memory : new Problem(problem.getClass().getName(), problem.getMessage());
    }

    public String throwable() {
        return throwable;
    }

    public String message() {
        return message;
    }

    /** Which memory ran out, or null when this is no {@code OutOfMemoryError}. */
    public OutOfMemory.Kind memoryKind() {
        return OutOfMemory.kindOf(throwable, message);
    }

    /** {@code class: message}, the class alone without a message, the message alone without a class. */
    public String describe() {
        if (throwable == null) {
            return message;
        }
        return message == null || message.isEmpty() ? throwable : throwable + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
