package dev.memprobe.provider;

import dev.memprobe.journal.HeapDumpEvent;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.OutOfMemory;
import dev.memprobe.journal.Problem;
import dev.memprobe.journal.ThreadsLeftEvent;
import dev.memprobe.measure.HeapDumper;
import dev.memprobe.measure.ThreadCensus;
import dev.memprobe.measure.ThreadStarts;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

/**
 * The heap dumps and thread lists of the classes the plugin asks about, so that it can name what holds the memory:
 * for a polluter, a dump after it ends (and one baseline before the first polluter starts, to tell what it added from
 * what was there); for a hog, the JVM's own dump at its {@code OutOfMemoryError} (turned on for that class only), or
 * one written when the error reaches the provider where the JVM writes none (direct buffers). Each with the threads
 * the class started and left running. Files go beside the journal; a dump that cannot be written is journaled with
 * the reason, and nothing here throws into the tests.
 */
final class ClassDumps {

    private final JournalWriter journal;
    private final File folder;
    private final Set<String> atEnd;
    private final Set<String> onError;
    private final boolean recordStarts;
    private HeapDumper dumper;
    private ThreadStarts starts;
    private boolean baselineTaken;
    private int written;

    private String current;
    private ThreadCensus census;
    private File errorFile;
    private boolean errorHandled;

    /** @param recordStarts record where threads are started (Flight Recorder), from the first class dumped on */
    ClassDumps(JournalWriter journal, File folder, Set<String> atEnd, Set<String> onError, boolean recordStarts) {
        this.journal = journal;
        this.folder = folder;
        this.atEnd = atEnd;
        this.onError = onError;
        this.recordStarts = recordStarts;
    }

    /** Whether any class is to be dumped. */
    boolean any() {
        return !atEnd.isEmpty() || !onError.isEmpty();
    }

    /** Before {@code className}'s start is journaled: the baseline dump, the thread census, the dump on error. */
    void starting(String className) {
        current = null;
        census = null;
        errorFile = null;
        errorHandled = false;
        if (!atEnd.contains(className) && !onError.contains(className)) {
            return;
        }
        current = className;
        if (atEnd.contains(className) && !baselineTaken) {
            baselineTaken = true;
            dumpNow(className, HeapDumpEvent.Phase.START);
        }
        if (recordStarts && starts == null) {
            starts = ThreadStarts.start(); // before the census: a thread the class starts is in the recording
        }
        census = ThreadCensus.take();
        if (onError.contains(className)) {
            HeapDumper heap = dumper();
            File file = file(className, HeapDumpEvent.Phase.ERROR);
            String noRoom = HeapDumper.noRoomFor(file, heapMax());
            if (heap.unavailable() == null && noRoom == null && heap.armOnOutOfMemory(file)) {
                errorFile = file;
            }
        }
    }

    /** After {@code className}'s end is journaled: the threads it left running and the dump of what it left. */
    void ended(String className) {
        if (!className.equals(current)) {
            return;
        }
        disarm();
        if (atEnd.contains(className)) {
            threadsLeft(className);
            dumpNow(className, HeapDumpEvent.Phase.END);
        }
        current = null;
        census = null;
    }

    /**
     * The class in flight failed of memory ({@code problem} is or wraps the error): journals the JVM's dump of the
     * moment, or writes one where the JVM wrote none and the heap still holds the cause, and the threads left.
     */
    void memoryError(String className, Throwable problem) {
        if (className == null || !className.equals(current) || !onError.contains(className) || errorHandled) {
            return;
        }
        errorHandled = true;
        File armed = errorFile;
        disarm();
        threadsLeft(className);
        Problem error = OutOfMemory.find(problem);
        OutOfMemory.Kind kind = error == null ? null : error.memoryKind();
        if (armed != null && armed.isFile() && armed.length() > 0) {
            written++;
            journal.heapDump(
                    className, HeapDumpEvent.Phase.ERROR, armed.getAbsolutePath(), armed.length(), -1, compressed());
        } else if (kind == OutOfMemory.Kind.NATIVE_THREAD) {
            journal.heapDumpSkipped(
                    className,
                    HeapDumpEvent.Phase.ERROR,
                    "out of native threads: a heap dump needs native memory the fork no longer has; the threads are"
                            + " listed instead");
        } else if (kind == OutOfMemory.Kind.DIRECT_BUFFER || armed == null) {
            // the JVM writes no dump for direct buffer memory; what holds the buffers is still reachable now
            dumpNow(className, HeapDumpEvent.Phase.ERROR);
        } else {
            journal.heapDumpSkipped(
                    className,
                    HeapDumpEvent.Phase.ERROR,
                    "the JVM wrote no dump on the OutOfMemoryError (it writes one for the first error of a JVM only)");
        }
    }

    private void disarm() {
        if (errorFile != null) {
            dumper().disarm();
            errorFile = null;
        }
    }

    private void threadsLeft(String className) {
        if (census == null) {
            return;
        }
        try {
            List<ThreadsLeftEvent.LiveThread> threads = census.started();
            if (!threads.isEmpty() && starts != null && starts.recording()) {
                threads = census.started(starts.sites(new File(folder, "thread-starts-" + (written + 1) + ".jfr")));
            }
            journal.threadsLeft(className, threads.size(), threads);
        } catch (RuntimeException | OutOfMemoryError e) {
            // the threads could not be listed: the dump still shows them
        }
    }

    private void dumpNow(String className, HeapDumpEvent.Phase phase) {
        HeapDumper heap = dumper();
        if (heap.unavailable() != null) {
            journal.heapDumpSkipped(className, phase, heap.unavailable());
            return;
        }
        File file = file(className, phase);
        String noRoom = HeapDumper.noRoomFor(file, heapUsed());
        if (noRoom != null) {
            journal.heapDumpSkipped(className, phase, noRoom);
            return;
        }
        try {
            long millis = heap.dump(file);
            written++;
            journal.heapDump(className, phase, file.getAbsolutePath(), file.length(), millis, compressed());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            journal.heapDumpSkipped(className, phase, "the heap dump failed: " + e);
        }
    }

    /** {@code 3-PriceCatalogTest-end.hprof}: numbered, so that no two dumps of a fork share a name. */
    private File file(String className, HeapDumpEvent.Phase phase) {
        String simple = className.substring(className.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_$-]", "_");
        return new File(folder, (written + 1) + "-" + simple + "-" + phase.journalName() + ".hprof");
    }

    private boolean compressed() {
        return dumper().compressedOops();
    }

    private HeapDumper dumper() {
        if (dumper == null) {
            dumper = HeapDumper.create();
        }
        return dumper;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapMax() {
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return max > 0 ? max : Runtime.getRuntime().maxMemory();
    }
}
