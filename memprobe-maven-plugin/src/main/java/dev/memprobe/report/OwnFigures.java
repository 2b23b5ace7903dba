package dev.memprobe.report;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Growth;
import dev.memprobe.bisect.Measure;
import dev.memprobe.journal.MeasureField;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Each class's own figures in one fork: what it did apart from what the classes before it left behind. The fork
 * measures levels (the heap after a collection, the pools' peaks, the threads alive); a class after a leak reads the
 * leak in every one of them. The rules, so that a reader can check them:
 *
 * <ul>
 *   <li><b>kept</b>, what it left behind: with {@code exactRetained}, the heap after the forced collection at its end
 *       less the one at its start, exact. Otherwise the live heap's rise attributed by {@link Growth#heapKept} from the
 *       collections that happened to run (a class without a collection of its own gets a share of the rise across it,
 *       by what it allocated), estimated. A class after the fork's last collection has no later collection to measure
 *       it by: it kept at most what the heap grew by while it ran, garbage included, or what it allocated if less.
 *   <li><b>needed</b>, its own peak demand: what it kept plus what it held at its peak beyond what it ended with (the
 *       most live heap a collection during it saw less the last), so that what the class before it allocated after its
 *       last collection is not charged to it; with {@code exactRetained}, the most live heap less the exact one at its
 *       start; a class that ran out of heap, at least the most live heap less the live heap at its start (it ended at
 *       the brink, not below its peak). Without a collection during it, at most the heap's rise while it ran (its pools' peak, capped at the max
 *       heap, less the heap in use at its start) or what it allocated if less.
 *   <li><b>threads, direct buffers, metaspace, loaded classes</b>: the value at its end less the one at its start
 *       (journals of earlier versions: less the previous class's end in the fork), never below 0.
 * </ul>
 */
public final class OwnFigures {

    private OwnFigures() {}

    /** The own figures of every class of one fork, in the fork's order. */
    public static List<Report.Own> of(List<ClassRun> runs) {
        long[] estimated = Growth.heapKept(runs);
        int lastCollecting = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (collected(runs.get(i).measure())) {
                lastCollecting = i;
            }
        }
        List<Report.Own> figures = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Measure m = runs.get(i).measure();
            Measure previous = i == 0 ? null : runs.get(i - 1).measure();
            List<String> notes = new ArrayList<>();
            long kept;
            String keptBasis;
            long rise = heapRise(m, previous);
            if (m.retained() >= 0 && m.liveBefore() >= 0) {
                kept = Math.max(0, m.retained() - m.liveBefore());
                keptBasis = Report.Own.EXACT;
            } else if (i <= lastCollecting && estimated[i] >= 0) {
                kept = estimated[i];
                keptBasis = Report.Own.ESTIMATED;
                if (!collected(m)) {
                    notes.add("no garbage collection ran while it ran: what it kept is its share of the live heap's"
                            + " rise between the collections around it, by what it allocated");
                }
            } else if (rise >= 0) {
                kept = rise;
                keptBasis = Report.Own.AT_MOST;
                notes.add("no garbage collection ran while it ran or after it: it kept at most " + Size.format(rise)
                        + ", what the heap grew by while it ran (garbage included)");
            } else {
                kept = -1;
                keptBasis = null;
                notes.add("what it kept was not measured: no garbage collection ran while it ran or after it");
            }
            long needed;
            String neededBasis;
            if (m.liveMax() >= 0) {
                needed = needed(m, kept, keptBasis);
                if (ranOutOfHeap(runs.get(i))) {
                    // it ended at the brink, not below its peak: the live heap it grew to from its start is its need
                    needed = Math.max(needed, m.liveMax() - Math.max(0, m.liveBefore()));
                }
                neededBasis = Report.Own.MEASURED;
            } else if (rise >= 0) {
                needed = rise;
                neededBasis = Report.Own.AT_MOST;
                if (keptBasis != Report.Own.AT_MOST) {
                    notes.add("no garbage collection ran while it ran: it needed at most " + Size.format(rise)
                            + ", what the heap grew by while it ran (garbage included)");
                }
            } else {
                needed = -1;
                neededBasis = null;
            }
            figures.add(new Report.Own(
                    kept,
                    keptBasis,
                    needed,
                    neededBasis,
                    m.allocated(),
                    growth(m.threadsEnd(), m.threadsStart()),
                    growth(m.directEnd(), start(m.get(MeasureField.DIRECT_START), previous, Measure::directEnd)),
                    growth(
                            m.metaspaceEnd(),
                            start(m.get(MeasureField.METASPACE_START), previous, Measure::metaspaceEnd)),
                    growth(
                            m.get(MeasureField.CLASSES_LOADED),
                            start(
                                    m.get(MeasureField.CLASSES_START),
                                    previous,
                                    p -> p.get(MeasureField.CLASSES_LOADED))),
                    notes.isEmpty() ? null : String.join("; ", notes)));
        }
        return figures;
    }

    /** What each method allocated and left behind, as the report names them. */
    public static List<Report.MethodEntry> methods(Measure m) {
        return m.methods().stream()
                .map(x -> new Report.MethodEntry(x.method(), x.allocated(), x.kept()))
                .toList();
    }

    /**
     * What a class with collections of its own needed: with forced collections, its greatest live heap less the exact
     * one at its start. Otherwise what it kept plus what it held at its peak beyond what it ended with (its greatest
     * live heap less its last): the live heap at its start is only known at the collection before it, and what the
     * class before it allocated after that collection and kept is that class's (it is in its kept, by
     * {@link Growth#heapKept}). The first class of a fork with no collection before it needed at most its greatest
     * live heap. At least what it kept.
     */
    private static long needed(Measure m, long kept, String keptBasis) {
        if (Report.Own.EXACT.equals(keptBasis) || m.liveBefore() < 0) {
            return Math.max(Math.max(0, m.liveMax() - Math.max(0, m.liveBefore())), kept);
        }
        long passing = m.liveLast() >= 0 ? Math.max(0, m.liveMax() - m.liveLast()) : 0;
        return Math.max(0, kept) + passing;
    }

    /**
     * What the heap grew by while the class ran, garbage included, or what it allocated if less: an upper bound of
     * what it kept or needed when no collection ran during it; -1 unknown.
     */
    private static long heapRise(Measure m, Measure previous) {
        long start = start(m.get(MeasureField.HEAP_START), previous, Measure::heapEnd);
        long peak = m.heapPeak();
        if (peak >= 0 && m.heapMax() > 0) {
            peak = Math.min(peak, m.heapMax());
        }
        long rise = peak >= 0 && start >= 0 ? Math.max(0, peak - start) : -1;
        if (m.allocated() >= 0) {
            rise = rise < 0 ? m.allocated() : Math.min(rise, m.allocated());
        }
        return rise;
    }

    private static long start(long own, Measure previous, ToLongFunction<Measure> end) {
        return own >= 0 ? own : previous == null ? -1 : end.applyAsLong(previous);
    }

    private static long growth(long end, long start) {
        return end >= 0 && start >= 0 ? Math.max(0, end - start) : -1;
    }

    /** Whether the class failed or died of a heap error (a memory error the fork went on after, or its death). */
    private static boolean ranOutOfHeap(ClassRun run) {
        return (run.outcome() == ClassRun.Outcome.MEMORY_ERROR || run.outcome() == ClassRun.Outcome.DIED)
                && run.memoryCause() != null
                && run.memoryCause().resource() == dev.memprobe.bisect.Resource.HEAP;
    }

    private static boolean collected(Measure m) {
        return m.gcCount() > 0 || m.liveLast() >= 0;
    }
}
