package dev.memprobe.bisect;

/**
 * What went wrong in a probe, with the class it happened in.
 *
 * @param victim the class in flight (null when the fork died outside any test class)
 * @param method the test method in flight, when known
 * @param exitCode the fork's exit code, when it died and Surefire reported one
 * @param evidence what proves it, in words: the error message, the RSS reading, the hs_err file, ...
 * @param outOfNativeMemory for a {@link Cause#JVM_CRASH}: the JVM crashed because native memory ran out (malloc or
 *     mmap failed), a death of memory though not one of the Java errors
 */
public record Failure(
        String victim, String method, Cause cause, Integer exitCode, String evidence, boolean outOfNativeMemory) {

    /** A failure that is not a crash for want of native memory. */
    public Failure(String victim, String method, Cause cause, Integer exitCode, String evidence) {
        this(victim, method, cause, exitCode, evidence, false);
    }

    /** Whether another failure is "the same": same class, and both of memory or both the same cause. */
    public boolean sameAs(Failure other) {
        if (other == null || victim == null || !victim.equals(other.victim)) {
            return false;
        }
        return cause == other.cause || (isMemory() && other.isMemory());
    }

    /** A death of memory: one of the memory causes, or a JVM crash for want of native memory. */
    public boolean isMemory() {
        return cause.isMemory() || (cause == Cause.JVM_CRASH && outOfNativeMemory);
    }

    /** The same failure without its words: the cause and the class to see again, as a confirmation run looks for. */
    Failure withoutEvidence() {
        return new Failure(victim, method, cause, exitCode, null, outOfNativeMemory);
    }
}
