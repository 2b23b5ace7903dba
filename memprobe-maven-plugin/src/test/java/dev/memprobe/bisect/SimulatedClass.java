package dev.memprobe.bisect;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One test class of a {@link SimulatedSuite}: what it needs, keeps and does when it runs.
 *
 * @param need the working set it builds up while it runs and drops when it ends (its transient peak), in bytes
 * @param leak what it keeps for the rest of the fork (statics, caches), in bytes; it accumulates while the class runs
 * @param allocated the bytes it allocates in all (working set, leak and garbage); garbage is what drives collections
 * @param flakiness the probability that a run of it dies of a heap OutOfMemoryError whatever the heap holds
 * @param failingRuns the runs of it (1-based, counted over every fork of the suite) that die of a heap
 *     OutOfMemoryError whatever the heap holds: a scripted, deterministic flake
 * @param ending {@link Cause#EXIT} when it calls System.exit; null when it ends like a test class
 * @param forkDiesAfter when not null, the fork dies of this cause right after the class ends, with no class in flight
 * @param offHeap the memory outside the heap it uses, when it uses any: metaspace, threads, direct buffers, or native
 *     memory that counts in the RSS only; null when none
 * @param offHeapNeed what it uses of {@code offHeap} while it runs and gives back at its end (bytes; threads)
 * @param offHeapLeak what it keeps of {@code offHeap} for the rest of the fork
 * @param beforeAll it builds its working set in {@code @BeforeAll}: a death then has no test method in flight
 */
record SimulatedClass(
        String name,
        long need,
        long leak,
        long allocated,
        long durationMs,
        double flakiness,
        Set<Integer> failingRuns,
        Cause ending,
        Cause forkDiesAfter,
        Resource offHeap,
        long offHeapNeed,
        long offHeapLeak,
        boolean beforeAll) {

    static final long MIB = 1024L * 1024L;

    SimulatedClass {
        failingRuns = Set.copyOf(failingRuns);
        if (need < 0 || leak < 0 || allocated < need + leak || durationMs < 0) {
            throw new IllegalArgumentException(name + ": a class allocates at least what it needs and leaks");
        }
        if (offHeap == Resource.HEAP || offHeapNeed < 0 || offHeapLeak < 0) {
            throw new IllegalArgumentException(name + ": off-heap use is of metaspace, threads, buffers or RSS");
        }
    }

    /** A class that needs 8 MiB, keeps nothing and takes 100 ms. */
    static SimulatedClass plain(String name) {
        return new SimulatedClass(name, 8 * MIB, 0, 17 * MIB, 100, 0, Set.of(), null, null, null, 0, 0, false);
    }

    static long mib(long n) {
        return n * MIB;
    }

    /** Needs {@code bytes} at its peak; allocates twice that plus its leak. */
    SimulatedClass needs(long bytes) {
        return heap(bytes, leak, 2 * bytes + leak + MIB);
    }

    /** Keeps {@code bytes} for the rest of the fork. */
    SimulatedClass leaks(long bytes) {
        return heap(need, bytes, 2 * need + bytes + MIB);
    }

    SimulatedClass allocates(long bytes) {
        return heap(need, leak, bytes);
    }

    private SimulatedClass heap(long needs, long leaks, long allocates) {
        return new SimulatedClass(
                name,
                needs,
                leaks,
                allocates,
                durationMs,
                flakiness,
                failingRuns,
                ending,
                forkDiesAfter,
                offHeap,
                offHeapNeed,
                offHeapLeak,
                beforeAll);
    }

    SimulatedClass takes(long millis) {
        return new SimulatedClass(
                name,
                need,
                leak,
                allocated,
                millis,
                flakiness,
                failingRuns,
                ending,
                forkDiesAfter,
                offHeap,
                offHeapNeed,
                offHeapLeak,
                beforeAll);
    }

    /** Dies of a heap OutOfMemoryError with probability {@code p} on every run (drawn from the suite's seed). */
    SimulatedClass flaky(double p) {
        return new SimulatedClass(
                name,
                need,
                leak,
                allocated,
                durationMs,
                p,
                failingRuns,
                ending,
                forkDiesAfter,
                offHeap,
                offHeapNeed,
                offHeapLeak,
                beforeAll);
    }

    /** Dies of a heap OutOfMemoryError on exactly these runs of it (1-based, over all forks). */
    SimulatedClass diesOnRuns(int... runs) {
        Set<Integer> set = Arrays.stream(runs).boxed().collect(Collectors.toUnmodifiableSet());
        return new SimulatedClass(
                name,
                need,
                leak,
                allocated,
                durationMs,
                flakiness,
                set,
                ending,
                forkDiesAfter,
                offHeap,
                offHeapNeed,
                offHeapLeak,
                beforeAll);
    }

    /** Calls {@code System.exit(1)} in its first test. */
    SimulatedClass exits() {
        return ended(Cause.EXIT, forkDiesAfter);
    }

    /** Leaves something behind that kills the fork once the class has ended (a thread, a shutdown hook, ...). */
    SimulatedClass killsForkAfterwards(Cause cause) {
        return ended(ending, cause);
    }

    private SimulatedClass ended(Cause how, Cause after) {
        return new SimulatedClass(
                name,
                need,
                leak,
                allocated,
                durationMs,
                flakiness,
                failingRuns,
                how,
                after,
                offHeap,
                offHeapNeed,
                offHeapLeak,
                beforeAll);
    }

    /** Uses {@code amount} of memory outside the heap while it runs (metaspace, threads, buffers, RSS). */
    SimulatedClass needsOffHeap(Resource resource, long amount) {
        return offHeap(resource, amount, resource == offHeap ? offHeapLeak : 0);
    }

    /** Keeps {@code amount} of memory outside the heap for the rest of the fork. */
    SimulatedClass leaksOffHeap(Resource resource, long amount) {
        return offHeap(resource, resource == offHeap ? offHeapNeed : 0, amount);
    }

    private SimulatedClass offHeap(Resource resource, long needs, long leaks) {
        return new SimulatedClass(
                name,
                need,
                leak,
                allocated,
                durationMs,
                flakiness,
                failingRuns,
                ending,
                forkDiesAfter,
                resource,
                needs,
                leaks,
                beforeAll);
    }

    /** Builds its working set in {@code @BeforeAll}, before any test method starts. */
    SimulatedClass inBeforeAll() {
        return new SimulatedClass(
                name,
                need,
                leak,
                allocated,
                durationMs,
                flakiness,
                failingRuns,
                ending,
                forkDiesAfter,
                offHeap,
                offHeapNeed,
                offHeapLeak,
                true);
    }

    /** Whether it keeps anything for the classes after it (more than a mebibyte, or a thread). */
    boolean keepsSomething() {
        return leak >= MIB || (offHeap != null && (offHeap == Resource.THREADS ? offHeapLeak > 0 : offHeapLeak >= MIB));
    }
}
