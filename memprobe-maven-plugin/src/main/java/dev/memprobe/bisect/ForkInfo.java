package dev.memprobe.bisect;

import java.util.List;

/** The JVM a fork ran on, as its provider described itself. */
public record ForkInfo(
        long pid,
        String javaVersion,
        String vendor,
        String vm,
        long maxHeap,
        List<String> collectors,
        boolean rssResettable,
        boolean parallelForcedOff) {

    public ForkInfo {
        collectors = List.copyOf(collectors);
    }
}
