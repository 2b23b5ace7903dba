package dev.memprobe.fork;

import java.nio.file.Path;

/**
 * How a fork ended, seen from outside it: what Surefire reported and what memprobe's own watchdog did.
 *
 * @param saidGoodbye Surefire saw the fork finish its run (no fork exception)
 * @param exitCode the exit code Surefire reported, or null
 * @param surefireMessage Surefire's fork exception message, or null
 * @param action what the watchdog did to the fork
 * @param crashLog the JVM's hs_err file, when it wrote one
 * @param askedAt when memprobe asked Surefire for the fork (epoch ms), or -1
 */
public record ForkEnd(
        boolean saidGoodbye,
        Integer exitCode,
        String surefireMessage,
        WatchdogAction action,
        Path crashLog,
        long wallMs,
        long askedAt) {

    /** What memprobe's watchdog did to a fork. */
    public sealed interface WatchdogAction {}

    /** Nothing: the fork ended on its own. */
    public record NoAction() implements WatchdogAction {}

    /** SIGKILL because the fork's resident memory passed {@code memprobe.memoryLimit}. */
    public record KilledOverMemoryLimit(long rss, long limit) implements WatchdogAction {}

    /** SIGTERM (then SIGKILL after a grace period) because the fork ran past {@code memprobe.forkTimeout}. */
    public record TimedOut(long timeoutMillis, boolean killedAfterGrace) implements WatchdogAction {}

    /** SIGKILL after a test failed of memory: the probe's question was answered. */
    public record StoppedAfterMemoryError(String className) implements WatchdogAction {}

    /**
     * SIGKILL because the fork journaled that it is past saving ({@code memprobe.stopOnGcOverhead}): it spent
     * {@code gcMillis} of the last {@code windowMillis} in collections, each of which left at least {@code leastLive}
     * of {@code maxHeap} bytes live. The probe's question was answered when the collector stopped freeing memory.
     *
     * @param className the class in flight then, or null
     * @param method the test in flight then, or null
     */
    public record StoppedOnGcOverhead(
            String className,
            String method,
            long windowMillis,
            long gcMillis,
            int collections,
            long leastLive,
            long maxHeap)
            implements WatchdogAction {}
}
