package dev.memprobe.bisect;

/**
 * How a fork that did not finish its run ended.
 *
 * @param exitCode the process exit code, when known
 * @param inFlightClass the class running when it died, null when none was
 * @param inFlightMethod the test method running when it died, null when none was
 * @param evidence what proves the cause, in words
 */
public record Death(Cause cause, Integer exitCode, String inFlightClass, String inFlightMethod, String evidence) {

    /**
     * How the evidence of a {@link Cause#JVM_CRASH} begins when the JVM crashed because native memory ran out
     * (malloc or mmap failed): a death of memory, though not one of the Java errors.
     */
    public static final String NATIVE_MEMORY = "the JVM ran out of native memory";
}
