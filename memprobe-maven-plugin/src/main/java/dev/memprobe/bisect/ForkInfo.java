package dev.memprobe.bisect;

import java.util.List;

/**
 * The JVM a fork ran on, as its provider described itself.
 *
 * @param setupMs from memprobe asking Surefire for the fork to the fork's JVM starting: Maven's side (-1: unknown)
 * @param bootMs from the JVM starting to memprobe's provider running in it (-1: unknown)
 */
public record ForkInfo(
        long pid,
        String javaVersion,
        String vendor,
        String vm,
        long maxHeap,
        List<String> collectors,
        boolean rssResettable,
        boolean parallelForcedOff,
        long setupMs,
        long bootMs) {

    public ForkInfo {
        collectors = List.copyOf(collectors);
    }
}
