package dev.memprobe.bisect;

/**
 * What went wrong in a probe, with the class it happened in.
 *
 * @param victim the class in flight (null when the fork died outside any test class)
 * @param method the test method in flight, when known
 * @param exitCode the fork's exit code, when it died and Surefire reported one
 * @param evidence what proves it, in words: the error message, the RSS reading, the hs_err file, ...
 */
public record Failure(String victim, String method, Cause cause, Integer exitCode, String evidence) {

    /** Whether another failure is "the same": same class, and both of memory or both the same cause. */
    public boolean sameAs(Failure other) {
        if (other == null || victim == null || !victim.equals(other.victim)) {
            return false;
        }
        return cause == other.cause || (isMemory() && other.isMemory());
    }

    /** A death of memory: one of the memory causes, or a JVM crash for want of native memory. */
    public boolean isMemory() {
        return cause.isMemory()
                || (cause == Cause.JVM_CRASH && evidence != null && evidence.startsWith(Death.NATIVE_MEMORY));
    }
}
