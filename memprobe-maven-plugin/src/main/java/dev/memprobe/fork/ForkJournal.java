package dev.memprobe.fork;

import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.ClassStartEvent;
import dev.memprobe.journal.ErrorEvent;
import dev.memprobe.journal.ForkEvent;
import dev.memprobe.journal.GcOverheadEvent;
import dev.memprobe.journal.HeapDumpEvent;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalVisitor;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.NearLimitEvent;
import dev.memprobe.journal.PlanEvent;
import dev.memprobe.journal.RecoveredEvent;
import dev.memprobe.journal.RunEndEvent;
import dev.memprobe.journal.ShutdownEvent;
import dev.memprobe.journal.TestEndEvent;
import dev.memprobe.journal.TestStartEvent;
import dev.memprobe.journal.ThreadsLeftEvent;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Numbers;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fork's journal says, event by event: the JVM, the plan, each class that started, the class in flight at
 * the end, the error or shutdown the provider saw, where the heap was near its limit, and whether the run ended.
 */
final class ForkJournal implements JournalVisitor {

    ForkEvent fork;
    List<String> planned = List.of();
    /** The classes that started, in start order. */
    final Map<String, ClassLog> classes = new LinkedHashMap<>();
    /** The class that started last and has not ended, or null. */
    ClassLog current;

    ErrorEvent error;
    ShutdownEvent shutdown;
    /** The fork's line that it is past saving, or null. */
    GcOverheadEvent gcOverhead;
    /** The first near-limit warning of each class (the key "null" for one outside any class). */
    final Map<String, NearLimitEvent> nearLimit = new LinkedHashMap<>();

    boolean runEnded;
    /** The heap dumps the fork wrote (or skipped) for the classes the probe asked about. */
    final List<HeapDumpEvent> heapDumps = new ArrayList<>();
    /** The threads those classes left running. */
    final List<ThreadsLeftEvent> threadsLeft = new ArrayList<>();
    /** What a reader should know: near-limit warnings, recoveries. */
    final List<String> notes = new ArrayList<>();

    static ForkJournal of(List<JournalEvent> events) {
        ForkJournal journal = new ForkJournal();
        for (JournalEvent event : events) {
            event.accept(journal);
        }
        return journal;
    }

    @Override
    public void fork(ForkEvent event) {
        fork = event;
    }

    @Override
    public void plan(PlanEvent event) {
        planned = List.copyOf(event.classes());
    }

    @Override
    public void classStart(ClassStartEvent event) {
        // a class that runs again in one fork keeps the measurements of its first run
        current = classes.computeIfAbsent(event.className(), ClassLog::new);
        current.method = null;
    }

    @Override
    public void testStart(TestStartEvent event) {
        if (current != null) {
            current.method = event.method();
        }
    }

    @Override
    public void testEnd(TestEndEvent event) {
        if (current != null) {
            current.method = null;
            current.testEnded(event);
        }
    }

    @Override
    public void classEnd(ClassEndEvent event) {
        ClassLog ended = classes.get(event.className());
        if (ended != null) {
            ended.end = event;
            if (ended == current) {
                current = null;
            }
        }
    }

    @Override
    public void nearLimit(NearLimitEvent event) {
        nearLimit.putIfAbsent(String.valueOf(event.className()), event);
        notes.add("near the limit: " + held(event) + " after a collection while "
                + where(event.className(), event.method()) + " ran");
    }

    @Override
    public void gcOverhead(GcOverheadEvent event) {
        if (gcOverhead == null) {
            gcOverhead = event;
        }
    }

    @Override
    public void recovered(RecoveredEvent event) {
        notes.add("the fork went on after the OutOfMemoryError of " + event.className() + ": a full collection left "
                + Size.format(event.used()) + " of " + Size.format(event.max()) + " in use");
    }

    @Override
    public void error(ErrorEvent event) {
        error = event;
    }

    @Override
    public void shutdown(ShutdownEvent event) {
        shutdown = event;
    }

    @Override
    public void runEnd(RunEndEvent event) {
        runEnded = true;
    }

    @Override
    public void heapDump(HeapDumpEvent event) {
        if (event.className() != null && event.phase() != null) {
            heapDumps.add(event);
        }
    }

    @Override
    public void threadsLeft(ThreadsLeftEvent event) {
        if (event.className() != null) {
            threadsLeft.add(event);
        }
    }

    /**
     * The measurements the provider's last line about {@code className} in flight gave (its gc-overhead, error or
     * shutdown line), or null.
     */
    Measures inFlightMeasures(String className) {
        Measures last = null;
        if (gcOverhead != null
                && className != null
                && className.equals(gcOverhead.className())
                && gcOverhead.measures() != null) {
            last = gcOverhead.measures();
        }
        if (error != null && className != null && className.equals(error.className()) && error.measures() != null) {
            last = error.measures();
        }
        if (shutdown != null
                && className != null
                && className.equals(shutdown.className())
                && shutdown.measures() != null) {
            last = shutdown.measures();
        }
        return last;
    }

    /**
     * "94% of the last 10 s in GC (1,024 collections), at least 251 MiB of 256 MiB live after each": the numbers of a
     * fork past saving.
     */
    static String pastSaving(long windowMillis, long gcMillis, int collections, long leastLive, long maxHeap) {
        String window = windowMillis > 0 && windowMillis % 1000 == 0
                ? (windowMillis / 1000) + " s"
                : Durations.format(windowMillis);
        long share = windowMillis > 0 ? Math.round(gcMillis * 100.0 / windowMillis) : -1;
        return (share < 0 ? "most" : share + "%") + " of the last " + window + " in GC"
                + (collections > 0 ? " (" + Numbers.grouped(collections) + " collections)" : "") + ", at least "
                + Size.format(leastLive) + " of " + Size.format(maxHeap) + " live after each";
    }

    /** "G1 Old Gen held 119 MiB of 128 MiB". */
    static String held(NearLimitEvent event) {
        return event.pool() + " held " + Size.format(event.used()) + " of " + Size.format(event.max());
    }

    static String where(String className, String method) {
        if (className == null) {
            return "no test class";
        }
        return method == null ? className : className + "#" + method;
    }
}
