package dev.memprobe.measure;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Tells when a JVM is past saving: it spent most of the last {@value #WINDOW_MILLIS} ms in collections, and every
 * collection in that time left the heap nearly full. G1, the default collector, has no GC overhead limit: with the
 * live heap just under {@code -Xmx} it runs back-to-back collections, and the tests crawl for minutes before an
 * {@code OutOfMemoryError} ends the fork, if one ever does. The Parallel collector's limit (98% of the time, under 2%
 * of the heap freed) is too strict for that crawl, which spends 55 to 90% of its time collecting.
 *
 * <p>The thresholds were chosen on measurements (JDK 17, G1, 2 shared cores; docs/architecture.md, "Past saving").
 * Arrays kept up to a share of the heap, with garbage allocated beside them: up to 86% of a 64 MiB heap, 89% of 128 MiB
 * and 91% of 256 MiB, the JVM spent at most 40% of its time collecting and ran on; a point above, 62 to 91%, with 86
 * to 93% of the heap live after every collection, and it crawled (92% of 256 MiB: 55 to 80%). A heavy allocator that
 * frees what it allocates can collect as much: a ring of 8 to 24 MiB of recent arrays in a 64 MiB heap spent 55 to
 * 68% of its time collecting, with 15 to 40% of the heap live after its collections (the integration test's: 63%,
 * 32%). So both must hold: at least {@value #GC_SHARE} of the window in collections, and at least
 * {@value #LIVE_SHARE} of the heap live after each one. The crawl of the integration test (a cache that keeps the
 * heap at the brink) left 86% live at the least, hence a floor below that. A burst shorter than half the window cannot
 * trip it, nor can a JVM that has been watched for less than the window.
 *
 * <p>Pure: it is fed the collections (their start and end on the JVM's uptime clock, whether they stopped the
 * application, the heap after each) and says once, through its {@link Listener}, that the JVM is past saving. It
 * decides nothing else: whoever listens chooses whether the fork ends (the plugin does, for bisect's probes) or the
 * JVM goes on with only a record of it.
 */
public final class GcOverhead {

    /** How far back the share of time in collections is measured, in milliseconds of the JVM's uptime. */
    public static final long WINDOW_MILLIS = 10_000;

    /** The share of the window spent in collections from which the JVM may be past saving. */
    public static final double GC_SHARE = 0.5;

    /** The share of the maximum heap that must be live after every collection in the window. */
    public static final double LIVE_SHARE = 0.8;

    /** Told once that the JVM is past saving, on the thread that delivers GC notifications. */
    public interface Listener {

        /**
         * @return whether the reading was taken care of; false (it could not be written: memory is short) to be told
         *     again at the next collection
         */
        boolean pastSaving(Reading reading);
    }

    /** What the window held when the JVM was found past saving. */
    public static final class Reading {

        private final long windowMillis;
        private final long gcMillis;
        private final int collections;
        private final long leastLive;
        private final long maxHeap;

        public Reading(long windowMillis, long gcMillis, int collections, long leastLive, long maxHeap) {
            this.windowMillis = windowMillis;
            this.gcMillis = gcMillis;
            this.collections = collections;
            this.leastLive = leastLive;
            this.maxHeap = maxHeap;
        }

        /** The window's length. */
        public long windowMillis() {
            return windowMillis;
        }

        /** How much of the window collections that stopped the application took. */
        public long gcMillis() {
            return gcMillis;
        }

        /** The collections that ended in the window. */
        public int collections() {
            return collections;
        }

        /** The least heap used after a collection in the window, bytes. */
        public long leastLive() {
            return leastLive;
        }

        /** The heap's maximum, bytes. */
        public long maxHeap() {
            return maxHeap;
        }

        @Override
        public String toString() {
            return gcMillis + " of " + windowMillis + " ms in " + collections + " collections, at least " + leastLive
                    + " of " + maxHeap + " bytes live";
        }
    }

    private final long maxHeap;
    private final long liveFloor;
    private final long watchedSince;
    private final Listener listener;

    /** The collections that ended in the window, oldest first: {start, end, pause millis, live after}. */
    private final ArrayDeque<long[]> window = new ArrayDeque<>();
    /** Sum of the pause time of the collections in {@link #window}. */
    private long pauseMillis;
    /** How many collections in {@link #window} left less than {@link #LIVE_SHARE} of the heap live. */
    private int belowFloor;

    private boolean told;

    /**
     * @param maxHeap the heap's maximum in bytes; 0 or less (undefined) and the JVM is never found past saving
     * @param watchedSince the JVM's uptime in milliseconds when the collections began to be fed: a window that
     *     starts earlier has not been seen whole
     */
    public GcOverhead(long maxHeap, long watchedSince, Listener listener) {
        this.maxHeap = maxHeap;
        this.liveFloor = (long) (maxHeap * LIVE_SHARE);
        this.watchedSince = watchedSince;
        this.listener = listener;
    }

    /**
     * One collection ended.
     *
     * @param start when it started, milliseconds of the JVM's uptime
     * @param end when it ended, likewise
     * @param pause whether it stopped the application (false for the concurrent cycles of ZGC and Shenandoah, whose
     *     time the application keeps running through)
     * @param liveAfter heap used after it, bytes
     */
    public synchronized void collected(long start, long end, boolean pause, long liveAfter) {
        if (told || maxHeap <= 0) {
            return;
        }
        long[] collection = {start, end, pause ? Math.max(0, end - start) : 0, liveAfter};
        window.addLast(collection);
        pauseMillis += collection[2];
        if (liveAfter < liveFloor) {
            belowFloor++;
        }
        long from = end - WINDOW_MILLIS;
        while (!window.isEmpty() && window.peekFirst()[1] <= from) {
            forget(window.removeFirst());
        }
        if (from < watchedSince || belowFloor > 0) {
            return;
        }
        long inWindow = pauseMillis - beforeWindow(from);
        if (inWindow < WINDOW_MILLIS * GC_SHARE) {
            return;
        }
        told = listener.pastSaving(new Reading(WINDOW_MILLIS, inWindow, window.size(), leastLive(), maxHeap));
    }

    /** Whether the listener has been told. */
    public synchronized boolean told() {
        return told;
    }

    private void forget(long[] collection) {
        pauseMillis -= collection[2];
        if (collection[3] < liveFloor) {
            belowFloor--;
        }
    }

    /** The pause time of the window's collections that lies before its start: they began before it. */
    private long beforeWindow(long from) {
        long outside = 0;
        for (Iterator<long[]> it = window.iterator(); it.hasNext(); ) {
            long[] collection = it.next();
            if (collection[0] >= from) {
                break;
            }
            outside += Math.min(collection[2], from - collection[0]);
        }
        return outside;
    }

    private long leastLive() {
        long least = Long.MAX_VALUE;
        for (long[] collection : window) {
            least = Math.min(least, collection[3]);
        }
        return least;
    }
}
