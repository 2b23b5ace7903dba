package dev.memprobe.report;

import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to run the suite on a CI machine of a given memory: for the fast job (every class but the memory culprits),
 * the {@code -Xmx} and {@code forkCount} that fit the measured high-water marks; for the heavy job (the classes in
 * {@code heavy-classes.txt}), a job of their own. Derived from a report whose settings name the runner's memory.
 *
 * <p>The rules, so that a reader can check them: the fast job's max heap is twice the greatest live heap any of its
 * classes would reach without the heavy ones, at least 64 MiB, rounded up to 64 MiB: a collector needs room beside the
 * live set. That live heap is, from the classes' own figures, what the fast classes before a class kept plus what it
 * needed (a report without own figures: the fork's live heap while it ran, or its heap peak). Each fork then takes that heap plus what the forks used outside the heap (their greatest RSS
 * beyond their heap peak, at least 128 MiB). Maven keeps a gigabyte; the forks share the rest.
 *
 * @param classes classes of the fast job
 * @param heavyMaxHeapBytes for a heavy job of single hogs: twice the max heap they died under, or -1 when the heavy
 *     classes are all cumulative (they pass alone: one JVM per class is enough)
 */
public record ForkPlan(
        long runnerMemoryBytes,
        int classes,
        long maxHeapBytes,
        long perForkBytes,
        int forkCount,
        int heavyClasses,
        long heavyMaxHeapBytes,
        List<String> notes) {

    static final long MIB = 1L << 20;
    static final long MAVEN_RESERVE = 1L << 30;
    static final long MIN_OFF_HEAP = 128 * MIB;

    public ForkPlan {
        notes = List.copyOf(notes);
    }

    /** The plan for the runner memory the report's settings name; empty when they name none or nothing was measured. */
    public static Optional<ForkPlan> of(Report report) {
        long runner = report.settings().runnerMemoryBytes();
        if (runner <= 0) {
            return Optional.empty();
        }
        Set<String> heavy = new HashSet<>();
        boolean singleHogs = false;
        for (Report.CulpritEntry c : report.culprits()) {
            if (c.memory()) {
                heavy.addAll(c.classes());
                singleHogs |= c.kind().equals("single");
            }
        }
        long live = 0;
        long offHeap = MIN_OFF_HEAP;
        int fast = 0;
        long keptBefore = 0;
        for (Report.ClassEntry c : report.classes()) {
            if (heavy.contains(c.name())) {
                continue;
            }
            fast++;
            long need = c.liveHeapPeakBytes() >= 0 ? c.liveHeapPeakBytes() : c.heapPeakBytes();
            if (c.own() != null && c.own().neededBytes() >= 0) {
                need = keptBefore + c.own().neededBytes();
                keptBefore += Math.max(0, c.own().keptBytes());
            }
            live = Math.max(live, need);
            if (c.rssPeakBytes() >= 0 && c.heapPeakBytes() >= 0) {
                offHeap = Math.max(offHeap, c.rssPeakBytes() - Math.min(c.heapPeakBytes(), heapCeiling(report)));
            }
        }
        if (fast == 0) {
            return Optional.empty();
        }
        long heap = roundUp(Math.max(2 * live, 64 * MIB));
        long perFork = heap + offHeap;
        int forks = (int) Math.max(0, (runner - MAVEN_RESERVE) / perFork);
        List<String> notes = new ArrayList<>();
        if (forks == 0) {
            notes.add("Not even one fork fits: a fork needs about " + Size.format(perFork) + ", the runner has "
                    + Size.format(runner) + " of which Maven keeps " + Size.format(MAVEN_RESERVE) + ".");
        }
        if (forks > 1) {
            notes.add("forkCount counts memory only: keep it at or below the runner's cores.");
        }
        long heavyHeap = singleHogs && report.settings().maxHeapBytes() > 0
                ? roundUp(2 * report.settings().maxHeapBytes())
                : -1;
        if (!heavy.isEmpty()) {
            notes.add(
                    singleHogs
                            ? "Heavy job: the classes in heavy-classes.txt, one fork, -Xmx" + Size.toJvm(heavyHeap)
                                    + " or more (they died under -Xmx"
                                    + Size.toJvm(report.settings().maxHeapBytes())
                                    + "); run memprobe:bisect there with that heap to check."
                            : "Heavy job: the classes in heavy-classes.txt with reuseForks=false (one JVM per class): they"
                                    + " die only after their polluters.");
        }
        return Optional.of(new ForkPlan(runner, fast, heap, perFork, forks, heavy.size(), heavyHeap, notes));
    }

    /** Pool peaks add up past the max heap; no fork's heap held more than that. */
    private static long heapCeiling(Report report) {
        return report.settings().maxHeapBytes() > 0 ? report.settings().maxHeapBytes() : Long.MAX_VALUE;
    }

    private static long roundUp(long bytes) {
        long unit = 64 * MIB;
        return (bytes + unit - 1) / unit * unit;
    }

    /** "-Xmx384m, forkCount=5 (about 640 MiB a fork)": the line for the console. */
    public String summary() {
        return "fork plan for a " + Size.format(runnerMemoryBytes) + " runner: -Xmx" + Size.toJvm(maxHeapBytes)
                + ", forkCount=" + forkCount + " (about " + Size.format(perForkBytes) + " a fork)"
                + (heavyClasses == 1 ? ", the heavy class in a job of its own" : "")
                + (heavyClasses > 1 ? ", " + heavyClasses + " heavy classes in a job of their own" : "");
    }
}
