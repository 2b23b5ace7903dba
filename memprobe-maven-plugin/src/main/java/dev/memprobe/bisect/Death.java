package dev.memprobe.bisect;

/**
 * How a fork that did not finish its run ended.
 *
 * @param exitCode the process exit code, when known
 * @param inFlightClass the class running when it died, null when none was
 * @param inFlightMethod the test method running when it died, null when none was
 * @param evidence what proves the cause, in words
 * @param outOfNativeMemory for a {@link Cause#JVM_CRASH}: the JVM crashed because native memory ran out (malloc or
 *     mmap failed), a death of memory though not one of the Java errors; its evidence then begins with
 *     {@link #NATIVE_MEMORY}
 */
public record Death(
        Cause cause,
        Integer exitCode,
        String inFlightClass,
        String inFlightMethod,
        String evidence,
        boolean outOfNativeMemory) {

    /** A death that is not a crash for want of native memory. */
    public Death(Cause cause, Integer exitCode, String inFlightClass, String inFlightMethod, String evidence) {
        this(cause, exitCode, inFlightClass, inFlightMethod, evidence, false);
    }

    /**
     * How the evidence of a {@link Cause#JVM_CRASH} begins when the JVM crashed because native memory ran out
     * (malloc or mmap failed): a death of memory, though not one of the Java errors.
     */
    public static final String NATIVE_MEMORY = "the JVM ran out of native memory";
}
