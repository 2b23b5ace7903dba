package dev.memprobe.measure;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap used right after each garbage collection, from the JVM's GC notifications: the live set, the best cheap signal
 * of what the tests really hold. Tracks the latest value and the least and greatest value inside a window (one test
 * class). Costs nothing between collections.
 *
 * <p>Notifications arrive on a thread of their own, after the collection: one whose number is not above its
 * collector's count when the window opened ran before, while the previous class ran, and counts only as the latest
 * value, so that a class is never credited with a live heap measured during the one before.
 *
 * <p>Given a {@link GcOverhead}, it feeds it every collection: when it ran, whether it stopped the application, and
 * the heap after it.
 */
public final class GcWatcher implements NotificationListener {

    private final Set<String> heapPools = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    /** Told of every collection; null when nothing watches for GC overhead. */
    private final GcOverhead overhead;

    private long last = -1;
    private long windowMin = -1;
    private long windowMax = -1;
    private long windowLast = -1;
    /** Collections seen since the watcher started, in or out of a window. */
    private long seen;
    /** Each collector's count of collections when the window opened: those up to it are not the window's. */
    private Map<String, Long> countsAtOpen = new HashMap<>();

    /** A watcher of the live heap only. */
    public GcWatcher() {
        this(null);
    }

    /** @param overhead told of every collection, or null */
    public GcWatcher(GcOverhead overhead) {
        this.overhead = overhead;
    }

    /** Starts listening; returns false where the JVM offers no GC notifications. */
    public boolean install() {
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter) {
                    NotificationEmitter emitter = (NotificationEmitter) gc;
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
            return !emitters.isEmpty();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public void uninstall() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (Exception e) {
                // the JVM is going away; nothing to undo
            }
        }
        emitters.clear();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        try {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long live = 0;
            for (Map.Entry<String, MemoryUsage> pool :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    live += pool.getValue().getUsed();
                }
            }
            observe(live, info.getGcName(), info.getGcInfo().getId());
            if (overhead != null) {
                overhead.collected(
                        info.getGcInfo().getStartTime(),
                        info.getGcInfo().getEndTime(),
                        isPause(info.getGcAction()),
                        live);
            }
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // a notification we cannot read is one less sample, never a failure of the tests
        }
    }

    /**
     * Whether a collection of this action stopped the application: all do but the concurrent cycles of ZGC and
     * Shenandoah ("end of GC cycle", reported beside their pauses). G1's "end of concurrent GC pause" (JDK 21 and
     * later) is its remark and cleanup pauses.
     */
    static boolean isPause(String action) {
        return action == null || !action.contains("cycle");
    }

    synchronized void observe(long live) {
        notifyAll();
        seen++;
        last = live;
        windowLast = live;
        windowMin = windowMin < 0 ? live : Math.min(windowMin, live);
        windowMax = Math.max(windowMax, live);
    }

    /**
     * @param collector the collector's name
     * @param id the collection's number: the collector's count of collections once it ended
     */
    synchronized void observe(long live, String collector, long id) {
        Long atOpen = countsAtOpen.get(collector);
        if (atOpen != null && id <= atOpen) {
            last = live; // ran before the window opened
            seen++;
            return;
        }
        observe(live);
    }

    /** How many collections this watcher was told of: a change says a collection ran in between. */
    public synchronized long seen() {
        return seen;
    }

    /** Heap used after the latest collection, or -1 before the first. */
    public synchronized long last() {
        return last;
    }

    /**
     * Starts a new window (a test class).
     *
     * @param collectionCounts each collector's count of collections now, by name: the collections up to them ran
     *     before the window
     */
    public synchronized void openWindow(Map<String, Long> collectionCounts) {
        countsAtOpen = collectionCounts;
        windowMin = -1;
        windowMax = -1;
        windowLast = -1;
    }

    /**
     * Waits up to {@code millis} for the notification of a collection that ran in the window: notifications come
     * after the collection, on a thread of their own, and one that came after the window closed would be lost to it.
     */
    public synchronized void awaitWindow(long millis) {
        if (emitters.isEmpty()) {
            return; // not listening: nothing will come
        }
        long deadline = System.nanoTime() + millis * 1_000_000L;
        try {
            while (windowLast < 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Least live heap seen in the window, or -1 when no collection ran in it. */
    public synchronized long windowMin() {
        return windowMin;
    }

    /** Greatest live heap seen in the window, or -1 when no collection ran in it. */
    public synchronized long windowMax() {
        return windowMax;
    }

    /** Live heap after the window's last collection, or -1 when no collection ran in it. */
    public synchronized long windowLast() {
        return windowLast;
    }
}
