package dev.memprobe.run;

import dev.memprobe.bisect.Strategy;
import dev.memprobe.env.Environment;
import dev.memprobe.shard.Shard;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * memprobe's own parameters of {@code bisect}, parsed and checked in this one place before any fork starts: a bad
 * value is an {@link IllegalArgumentException} whose message names the property, the value and the fix.
 *
 * @param maxHeap bytes, or -1: the project's
 * @param memoryLimit bytes, or -1: none
 * @param timeout null: Surefire's, else none
 * @param parallelProbes forks that may run at once; 0 until {@link #resolveParallel} decides "auto"
 * @param shard null: the whole set
 * @param runnerMemory the CI machine's memory in bytes, for the fork plan; -1 when not given
 * @param failOnCulprit whether a culprit found fails the build
 * @param retainers whether the probes that confirm a culprit write heap dumps, read to say what holds its memory
 * @param keepHeapDumps whether those dumps stay on disk after they are read
 * @param from a recording ({@code memprobe.from}: its folder or its report.json) whose dead fork is the first probe;
 *     null to run the whole suite first
 * @param stopOnGcOverhead whether a probe's fork that is past saving (most of its time in collections, the heap
 *     nearly full after each) ends as a {@code gc-overhead} death; {@code true} unless the user opted out
 */
public record BisectOptions(
        long maxHeap,
        long memoryLimit,
        Duration timeout,
        Strategy strategy,
        int batchSize,
        boolean failFast,
        int confirmRuns,
        int maxProbes,
        boolean exactRetained,
        Shard shard,
        boolean failOnCulprit,
        int parallelProbes,
        long runnerMemory,
        boolean retainers,
        boolean keepHeapDumps,
        Path from,
        boolean stopOnGcOverhead) {

    /** The most forks "auto" runs at once. */
    static final int AUTO_CEILING = 4;

    /** Memory left to Maven's own JVM when "auto" shares the machine between forks. */
    static final long MAVEN_RESERVE = 1L << 30;

    /**
     * Parses the raw parameter values, in the order of the goal's parameters; blank strings are "not set". The first
     * bad value is the one reported.
     */
    public static BisectOptions parse(
            String maxHeap,
            String memoryLimit,
            String forkTimeout,
            String strategy,
            int batchSize,
            boolean failFast,
            int confirmRuns,
            int maxProbes,
            boolean exactRetained,
            String shard,
            boolean failOnCulprit,
            String parallelProbes,
            String runnerMemory) {
        long runner = blank(runnerMemory) ? -1 : Size.parse("memprobe.runnerMemory", runnerMemory);
        long heap = blank(maxHeap) ? -1 : Size.parse("memprobe.maxHeap", maxHeap);
        long limit = blank(memoryLimit) ? -1 : Size.parse("memprobe.memoryLimit", memoryLimit);
        if (heap > 0 && limit > 0 && heap >= limit) {
            throw new IllegalArgumentException("memprobe.maxHeap=" + maxHeap + " is not below memprobe.memoryLimit="
                    + memoryLimit + ": a fork needs memory beyond its heap (metaspace, threads, buffers), so give it a"
                    + " heap well under the limit, e.g. -Dmemprobe.maxHeap=" + Size.toJvm(limit / 2));
        }
        Duration timeout = blank(forkTimeout) ? null : Durations.parse("memprobe.forkTimeout", forkTimeout);
        Strategy chosen = Strategy.fromId(strategy == null ? "" : strategy)
                .orElseThrow(() -> new IllegalArgumentException(
                        "memprobe.strategy=" + strategy + " is not a strategy: use one of " + Strategy.ids()));
        if (batchSize < 1) {
            throw new IllegalArgumentException("memprobe.batchSize=" + batchSize + " must be at least 1");
        }
        if (confirmRuns < 0) {
            throw new IllegalArgumentException("memprobe.confirmRuns=" + confirmRuns + " must not be negative");
        }
        if (maxProbes < 1) {
            throw new IllegalArgumentException("memprobe.maxProbes=" + maxProbes + " must be at least 1");
        }
        Shard part = blank(shard) ? null : Shard.parse("memprobe.shard", shard);
        return new BisectOptions(
                heap,
                limit,
                timeout,
                chosen,
                batchSize,
                failFast,
                confirmRuns,
                maxProbes,
                exactRetained,
                part,
                failOnCulprit,
                parallel(parallelProbes),
                runner,
                true,
                false,
                null,
                true);
    }

    private static int parallel(String value) {
        String text = value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals("auto")) {
            return 0;
        }
        try {
            int forks = Integer.parseInt(text);
            if (forks >= 1) {
                return forks;
            }
        } catch (NumberFormatException e) {
            // the message below says what to write
        }
        throw new IllegalArgumentException("memprobe.parallelProbes=" + value
                + " is not a number of forks: write auto, or a whole number of 1 or more (1 runs one fork at a time)");
    }

    /**
     * "auto": one fork at once per two cores, as many as the memory holds, at most {@value #AUTO_CEILING}. A test JVM
     * keeps about two cores busy (the tests, and the JIT compiler and GC threads beside them): on 2 cores, two forks
     * at once took longer than one at a time in the benchmark (docs/benchmarks.md). A fork takes its memory limit,
     * else its max heap and half as much again for everything else, else the JVM's default heap likewise; Maven keeps
     * a gigabyte.
     */
    public BisectOptions resolveParallel(Environment machine) {
        if (parallelProbes > 0) {
            return this;
        }
        long perFork = memoryLimit > 0
                ? memoryLimit
                : (maxHeap > 0 ? maxHeap : Math.max(0, machine.defaultMaxHeap())) * 3 / 2 + (256L << 20);
        long memory = machine.containerLimit() > 0 ? machine.containerLimit() : machine.machineMemory();
        long fits = memory <= 0 ? 1 : (memory - MAVEN_RESERVE) / Math.max(1, perFork);
        int forks = (int) Math.max(1, Math.min(Math.min(machine.cores() / 2, AUTO_CEILING), fits));
        return withParallelProbes(forks);
    }

    public BisectOptions withParallelProbes(int forks) {
        return new BisectOptions(
                maxHeap,
                memoryLimit,
                timeout,
                strategy,
                batchSize,
                failFast,
                confirmRuns,
                maxProbes,
                exactRetained,
                shard,
                failOnCulprit,
                forks,
                runnerMemory,
                retainers,
                keepHeapDumps,
                from,
                stopOnGcOverhead);
    }

    /**
     * Options with the heap dumps of culprits on or off ({@code memprobe.retainers}, on by default) and kept or
     * deleted once read ({@code memprobe.keepHeapDumps}, deleted by default: they hold the tests' data).
     */
    public BisectOptions withRetainers(boolean on, boolean keep) {
        return new BisectOptions(
                maxHeap,
                memoryLimit,
                timeout,
                strategy,
                batchSize,
                failFast,
                confirmRuns,
                maxProbes,
                exactRetained,
                shard,
                failOnCulprit,
                parallelProbes,
                runnerMemory,
                on,
                keep,
                from,
                stopOnGcOverhead);
    }

    /** The options starting from the recording in {@code recording} (a folder or its report.json); null for none. */
    public BisectOptions withFrom(Path recording) {
        return new BisectOptions(
                maxHeap,
                memoryLimit,
                timeout,
                strategy,
                batchSize,
                failFast,
                confirmRuns,
                maxProbes,
                exactRetained,
                shard,
                failOnCulprit,
                parallelProbes,
                runnerMemory,
                retainers,
                keepHeapDumps,
                recording,
                stopOnGcOverhead);
    }

    /** These options with {@code memprobe.stopOnGcOverhead} as given ({@code true} after {@link #parse}). */
    public BisectOptions withStopOnGcOverhead(boolean stop) {
        return new BisectOptions(
                maxHeap,
                memoryLimit,
                timeout,
                strategy,
                batchSize,
                failFast,
                confirmRuns,
                maxProbes,
                exactRetained,
                shard,
                failOnCulprit,
                parallelProbes,
                runnerMemory,
                retainers,
                keepHeapDumps,
                from,
                stop);
    }

    /** Neither a heap nor a memory limit was given: the forks take this machine's default heap. */
    public boolean noLimit() {
        return maxHeap < 0 && memoryLimit < 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
