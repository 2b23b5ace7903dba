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
        return cause.isMemory() || nativeMemoryCrash();
    }

    /**
     * Whether the JVM crashed because native memory ran out (malloc or mmap failed): the one place that reads it from
     * the death's words. LEAD: once {@code Death} carries its typed flag, carry it into {@code Failure} (from
     * {@code ForkResult}) and decide this from it instead of the evidence's prefix.
     */
    private boolean nativeMemoryCrash() {
        return cause == Cause.JVM_CRASH && evidence != null && evidence.startsWith(Death.NATIVE_MEMORY);
    }

    /** The same failure without its words: the cause and the class to see again, as a confirmation run looks for. */
    Failure withoutEvidence() {
        return new Failure(victim, method, cause, exitCode, null);
    }
}
