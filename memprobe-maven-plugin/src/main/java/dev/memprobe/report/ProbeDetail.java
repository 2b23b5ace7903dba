package dev.memprobe.report;

import java.util.List;

/**
 * One probe's files beside the report, as links relative to the report's folder, and its memory over time.
 *
 * @param folder the probe's folder ({@code probes/probe-3/})
 * @param journal its journal, or null when it has none
 * @param crashLog the JVM's crash log ({@code hs_err_pid*.log}), or null when the JVM did not crash
 * @param memory the fork's memory over time, from the journal's samples; null when the journal has none
 */
public record ProbeDetail(int id, String folder, String journal, String crashLog, Timeline memory) {

    /**
     * The fork's memory along its time.
     *
     * @param startMs when the fork's JVM started, epoch ms: times on the chart count from it
     * @param maxHeap the fork's max heap as its JVM saw it, or -1
     * @param samples the memory samples in time order
     * @param classes each class's run in time order
     */
    public record Timeline(long startMs, long maxHeap, List<Sample> samples, List<ClassSpan> classes) {
        public Timeline {
            samples = List.copyOf(samples);
            classes = List.copyOf(classes);
        }

        /** When the last thing known happened, epoch ms. */
        public long endMs() {
            long end = startMs;
            for (Sample s : samples) {
                end = Math.max(end, s.atMs());
            }
            for (ClassSpan c : classes) {
                end = Math.max(end, Math.max(c.startMs(), c.endMs()));
            }
            return end;
        }
    }

    /** One sample: heap in use, heap after the latest collection, resident memory; -1 where not measured. */
    public record Sample(long atMs, long heapUsed, long liveHeap, long rss) {}

    /** A class's run in the fork: from its start to its end, -1 when it never ended (the fork died in it). */
    public record ClassSpan(String className, long startMs, long endMs) {}
}
