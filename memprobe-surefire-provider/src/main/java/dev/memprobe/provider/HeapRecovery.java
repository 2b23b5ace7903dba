package dev.memprobe.provider;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * After an {@code OutOfMemoryError} of the heap: a full collection, and whether it gave the heap back (at most
 * three quarters of it still in use), in which case the fork may go on with the classes not yet run, as Surefire's
 * fork goes on in CI.
 */
final class HeapRecovery {

    /**
     * The heap counts as given back when a full collection leaves at most this share of it in use. Three quarters,
     * not half: what a polluter keeps (often more than half the heap when its victim dies) stays in use, and the
     * classes after the victim then run as they do in CI, with that memory held, in the suite's fork instead of a
     * probe that carries every class before the victim again (issue 17). A class after it that fails of memory in
     * that fork is not trusted and runs again (issue 18).
     */
    private static final double RECOVERED_SHARE = 0.75;

    private static final String MAX_HEAP_FREE_RATIO = "MaxHeapFreeRatio";

    private HeapRecovery() {}

    /** Collects garbage; returns the heap's usage when it was given back, else null. */
    static MemoryUsage collect() {
        try {
            collectKeepingTheHeapSize();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long max = heap.getMax();
            if (max <= 0 || heap.getUsed() > max * RECOVERED_SHARE) {
                return null;
            }
            return heap;
        } catch (OutOfMemoryError | RuntimeException e) {
            return null;
        }
    }

    /**
     * A full collection that leaves the heap's committed size as it was: after a full collection the JVM gives back
     * memory above {@code MaxHeapFreeRatio}, and a fork that had just been full would go on with a tiny heap, collect
     * far more often than a fork that never was, and run the classes after the error slower. The flag is manageable:
     * it is raised to 100 for this one collection and put back. Where it cannot be (not HotSpot), a plain collection.
     */
    private static void collectKeepingTheHeapSize() {
        com.sun.management.HotSpotDiagnosticMXBean vm = null;
        String before = null;
        try {
            vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            before = vm.getVMOption(MAX_HEAP_FREE_RATIO).getValue();
            vm.setVMOption(MAX_HEAP_FREE_RATIO, "100");
        } catch (RuntimeException | LinkageError e) {
            before = null;
        }
        try {
            System.gc();
        } finally {
            if (before != null) {
                try {
                    vm.setVMOption(MAX_HEAP_FREE_RATIO, before);
                } catch (RuntimeException e) {
                    // the flag stays at 100: the heap is not shrunk for the rest of this fork
                }
            }
        }
    }
}
