package dev.memprobe.measure;

import static dev.memprobe.journal.MeasureField.ALLOCATED;
import static dev.memprobe.journal.MeasureField.CLASSES_LOADED;
import static dev.memprobe.journal.MeasureField.CLASSES_START;
import static dev.memprobe.journal.MeasureField.DIRECT_END;
import static dev.memprobe.journal.MeasureField.DIRECT_PEAK;
import static dev.memprobe.journal.MeasureField.DIRECT_START;
import static dev.memprobe.journal.MeasureField.GC_COUNT;
import static dev.memprobe.journal.MeasureField.GC_MILLIS;
import static dev.memprobe.journal.MeasureField.HEAP_END;
import static dev.memprobe.journal.MeasureField.HEAP_MAX;
import static dev.memprobe.journal.MeasureField.HEAP_PEAK;
import static dev.memprobe.journal.MeasureField.HEAP_START;
import static dev.memprobe.journal.MeasureField.LIVE_BEFORE;
import static dev.memprobe.journal.MeasureField.LIVE_LAST;
import static dev.memprobe.journal.MeasureField.LIVE_MAX;
import static dev.memprobe.journal.MeasureField.LIVE_MIN;
import static dev.memprobe.journal.MeasureField.MAPPED_END;
import static dev.memprobe.journal.MeasureField.METASPACE_END;
import static dev.memprobe.journal.MeasureField.METASPACE_PEAK;
import static dev.memprobe.journal.MeasureField.METASPACE_START;
import static dev.memprobe.journal.MeasureField.MILLIS;
import static dev.memprobe.journal.MeasureField.RETAINED;
import static dev.memprobe.journal.MeasureField.RSS_END;
import static dev.memprobe.journal.MeasureField.RSS_PEAK;
import static dev.memprobe.journal.MeasureField.THREADS_END;
import static dev.memprobe.journal.MeasureField.THREADS_PEAK;
import static dev.memprobe.journal.MeasureField.THREADS_START;

import dev.memprobe.journal.Measures;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one test class at a time with what the JDK offers cheaply: pool peaks (reset at the start), live heap
 * after collections, RSS high-water (reset where Linux allows), direct and mapped buffers, metaspace, threads and the
 * bytes the test thread allocated. Nothing here forces a collection unless {@code exactRetained} asks for it.
 *
 * <p>Not final: a test gives the recorder a meter of known values.
 */
public class ClassMeter {

    /** How long a class's end waits for the notification of a collection that ran in it (none when one came). */
    private static final long NOTIFICATION_WAIT_MILLIS = 200;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final MemoryPoolMXBean metaspace;
    private final BufferPoolMXBean direct;
    private final BufferPoolMXBean mapped;
    private final ProcStatus proc;
    private final GcWatcher gc;
    private final boolean exactRetained;
    /**
     * With {@code exactRetained}: the heap after the collections that ended the previous class, which is the next
     * class's baseline (what the test framework keeps between two classes is a few kilobytes); -1 when the next class
     * must collect for its own.
     */
    private long retainedByPrevious = -1;

    public ClassMeter(ProcStatus proc, GcWatcher gc, boolean exactRetained) {
        this.proc = proc;
        this.gc = gc;
        this.exactRetained = exactRetained;
        MemoryPoolMXBean meta = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            } else if ("Metaspace".equals(pool.getName())) {
                meta = pool;
            }
        }
        this.metaspace = meta;
        BufferPoolMXBean directPool = null;
        BufferPoolMXBean mappedPool = null;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                directPool = pool;
            } else if ("mapped".equals(pool.getName())) {
                mappedPool = pool;
            }
        }
        this.direct = directPool;
        this.mapped = mappedPool;
    }

    /** Heap used now, garbage included. */
    public long heapUsed() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Heap in use after the latest collection (the live set), or -1 before the first. */
    public long liveHeap() {
        return gc.last();
    }

    /** The fork's resident memory now, or -1 where {@code /proc} does not say. */
    public long rss() {
        return proc.available() ? proc.rss() : -1;
    }

    /** The heap's maximum (-Xmx) in bytes, or -1 when undefined. */
    public long heapMax() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** Starts measuring a class: resets peaks and takes the baselines. */
    public Window begin() {
        Window w = new Window();
        if (exactRetained) {
            w.liveBefore = retainedByPrevious >= 0 ? retainedByPrevious : collectAndMeasureHeap();
            w.exactLive = w.liveBefore;
            retainedByPrevious = -1;
        } else {
            w.liveBefore = gc.last();
        }
        for (MemoryPoolMXBean pool : heapPools) {
            pool.resetPeakUsage();
        }
        if (metaspace != null) {
            metaspace.resetPeakUsage();
        }
        threads.resetPeakThreadCount();
        w.threadsStart = threads.getThreadCount();
        w.heapStart = heapUsed();
        w.metaspaceStart = metaspace == null ? -1 : metaspace.getUsage().getUsed();
        w.classesStart = classLoading.getLoadedClassCount();
        w.rssResettable = proc.resetPeak();
        w.rssSampledPeak = w.rssResettable ? -1 : proc.rss();
        w.directPeak = directUsed();
        w.directStart = w.directPeak;
        Map<String, Long> counts = new HashMap<>();
        for (GarbageCollectorMXBean collector : collectors) {
            long count = collector.getCollectionCount();
            counts.put(collector.getName(), count);
            w.gcCount -= Math.max(0, count);
            w.gcMillis -= Math.max(0, collector.getCollectionTime());
        }
        w.thread = Thread.currentThread().getId();
        w.allocatedAtStart = allocatedBy(w.thread);
        gc.openWindow(counts);
        w.startNanos = System.nanoTime();
        return w;
    }

    /** Cheap sample between tests: catches direct-buffer peaks and, where RSS peaks cannot be reset, RSS peaks. */
    public void sample(Window w) {
        w.directPeak = Math.max(w.directPeak, directUsed());
        if (!w.rssResettable) {
            w.rssSampledPeak = Math.max(w.rssSampledPeak, proc.rss());
        }
    }

    /**
     * Ends a class: everything measured since {@link #begin()}. {@code collect} false skips the forced collection of
     * {@code exactRetained} (used when the fork is dying and a collection could hang or fail).
     */
    public Measures end(Window w, boolean collect) {
        sample(w);
        Measures.Builder m = Measures.builder();
        m.set(MILLIS, (System.nanoTime() - w.startNanos) / 1_000_000L);
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage peak = pool.getPeakUsage();
            long used = peak == null ? 0 : peak.getUsed();
            m.poolPeak(pool.getName(), used);
            heapPeak += used;
        }
        m.set(HEAP_PEAK, heapPeak);
        m.set(HEAP_MAX, heapMax());
        m.set(LIVE_BEFORE, w.liveBefore);
        long gcCount = w.gcCount;
        long gcMillis = w.gcMillis;
        for (GarbageCollectorMXBean collector : collectors) {
            gcCount += Math.max(0, collector.getCollectionCount());
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        if (gcCount > 0 && collect) { // a collection ran in the class: its notification may still be on its way
            gc.awaitWindow(NOTIFICATION_WAIT_MILLIS);
        }
        m.set(LIVE_MIN, gc.windowMin());
        m.set(LIVE_MAX, gc.windowMax());
        m.set(LIVE_LAST, gc.windowLast());
        m.set(GC_COUNT, gcCount);
        m.set(GC_MILLIS, gcMillis);
        m.set(HEAP_END, memory.getHeapMemoryUsage().getUsed());
        m.set(RSS_PEAK, w.rssResettable ? proc.rssPeak() : w.rssSampledPeak);
        m.set(RSS_END, proc.rss());
        m.set(DIRECT_PEAK, w.directPeak);
        m.set(DIRECT_END, directUsed());
        m.set(MAPPED_END, mapped == null ? -1 : mapped.getMemoryUsed());
        if (metaspace != null) {
            MemoryUsage peak = metaspace.getPeakUsage();
            m.set(METASPACE_PEAK, peak == null ? -1 : peak.getUsed());
            m.set(METASPACE_END, metaspace.getUsage().getUsed());
        }
        m.set(CLASSES_LOADED, classLoading.getLoadedClassCount());
        m.set(THREADS_START, w.threadsStart);
        m.set(THREADS_PEAK, threads.getPeakThreadCount());
        m.set(THREADS_END, threads.getThreadCount());
        long allocated = Thread.currentThread().getId() == w.thread ? allocatedBy(w.thread) : -1;
        m.set(ALLOCATED, allocated >= 0 && w.allocatedAtStart >= 0 ? allocated - w.allocatedAtStart : -1);
        m.set(HEAP_START, w.heapStart);
        m.set(DIRECT_START, w.directStart);
        m.set(METASPACE_START, w.metaspaceStart);
        m.set(CLASSES_START, w.classesStart);
        if (exactRetained && collect) {
            long retained = collectAndMeasureHeap();
            m.set(RETAINED, retained);
            retainedByPrevious = retained;
        }
        return m.build();
    }

    /**
     * Starts measuring one test method of the class in {@code w}: the test thread's allocation so far and the live
     * heap it starts from. Cheap: no collection is forced here.
     */
    public MethodWindow beginMethod(Window w) {
        MethodWindow m = new MethodWindow();
        m.thread = Thread.currentThread().getId();
        m.allocatedAtStart = allocatedBy(m.thread);
        m.collectionsAtStart = gc.seen();
        m.liveAtStart = exactRetained && w != null && w.exactLive >= 0 ? w.exactLive : gc.last();
        return m;
    }

    /**
     * Ends a test method: what it allocated on the test thread, and what it left behind in the heap. With
     * {@code exactRetained} (and {@code collect}) a forced collection measures it exactly; otherwise it is the live
     * heap after the method's last collection less the live heap at its start, and unknown when no collection ran
     * during the method.
     */
    public MethodFigures endMethod(Window w, MethodWindow m, boolean collect) {
        long allocated = Thread.currentThread().getId() == m.thread ? allocatedBy(m.thread) : -1;
        long allocatedBytes = allocated >= 0 && m.allocatedAtStart >= 0 ? allocated - m.allocatedAtStart : -1;
        long kept = -1;
        if (exactRetained && collect) {
            long live = collectAndMeasureHeap();
            kept = m.liveAtStart >= 0 ? Math.max(0, live - m.liveAtStart) : -1;
            if (w != null) {
                w.exactLive = live;
            }
        } else if (gc.seen() != m.collectionsAtStart && m.liveAtStart >= 0) {
            kept = Math.max(0, gc.last() - m.liveAtStart);
        }
        return new MethodFigures(allocatedBytes, kept);
    }

    private long directUsed() {
        return direct == null ? -1 : direct.getMemoryUsed();
    }

    private long collectAndMeasureHeap() {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private long allocatedBy(long threadId) {
        try {
            if (threads instanceof com.sun.management.ThreadMXBean) {
                return ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(threadId);
            }
        } catch (RuntimeException | LinkageError e) {
            // not offered by this JVM
        }
        return -1;
    }

    /** Baselines of one test method in measurement. */
    public static final class MethodWindow {
        long thread;
        long allocatedAtStart = -1;
        long liveAtStart = -1;
        long collectionsAtStart;
    }

    /** Baselines of one class in measurement. */
    public static final class Window {
        long startNanos;
        long liveBefore = -1;
        /** With {@code exactRetained}: the heap after the latest forced collection in the class. */
        long exactLive = -1;

        long heapStart = -1;
        long directStart = -1;
        long metaspaceStart = -1;
        long classesStart = -1;
        long threadsStart;
        boolean rssResettable;
        long rssSampledPeak = -1;
        long directPeak = -1;
        long gcCount;
        long gcMillis;
        long thread;
        long allocatedAtStart = -1;
    }
}
