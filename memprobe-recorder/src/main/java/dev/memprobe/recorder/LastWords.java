package dev.memprobe.recorder;

import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.OutOfMemory;
import dev.memprobe.journal.Problem;
import dev.memprobe.journal.ShutdownTrigger;
import dev.memprobe.journal.TestStatus;
import dev.memprobe.provider.ExitTrigger;
import dev.memprobe.provider.ThisJvm;
import java.io.File;
import java.lang.Thread.UncaughtExceptionHandler;
import java.util.Collections;
import java.util.Map;

/**
 * What a recorded fork says when an {@code OutOfMemoryError} ends the test framework's thread: the JUnit Platform
 * rethrows that error as unrecoverable, so no listener hears the class end, Surefire's booter cannot write its dump
 * with the heap still full (the class's static fields hold it), and the JVM's own shutdown, which runs the recorder's
 * hook, needs a little heap that is not there. So the JVM's default uncaught-exception handler tells the recorder
 * first ({@link Recorder#uncaught}), which frees its reserve and journals the error while the thread is ending; then
 * the handler that was there before, or the JVM's own printing, gets the throwable.
 *
 * <p>A dying JVM cannot load classes: {@link #prepare} writes the lines of a death once, at the recorder's start,
 * into a file it deletes, so that every class and constant on that path is loaded and linked while there is memory.
 */
final class LastWords implements UncaughtExceptionHandler {

    private final Recorder recorder;
    /** The handler there was before, or null. */
    private final UncaughtExceptionHandler before;

    LastWords(Recorder recorder, UncaughtExceptionHandler before) {
        this.recorder = recorder;
        this.before = before;
    }

    /**
     * Becomes the JVM's default handler, in front of the one there was; where a security manager forbids it, the
     * recording goes on without it.
     */
    static void install(Recorder recorder) {
        try {
            Thread.setDefaultUncaughtExceptionHandler(
                    new LastWords(recorder, Thread.getDefaultUncaughtExceptionHandler()));
        } catch (RuntimeException e) {
            // the shutdown hook and the heap watchdog still say what they can
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable problem) {
        try {
            recorder.uncaught(thread, problem);
        } catch (Throwable ignored) {
            // the recorder never throws into the JVM's handling of an error
        }
        if (before != null) {
            before.uncaughtException(thread, problem);
            return;
        }
        // what ThreadGroup.uncaughtException prints when there is no default handler
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        problem.printStackTrace(System.err);
    }

    /**
     * Writes each line a dying fork writes (an error, a test ended by memory, a near-limit, a gc-overhead, a shutdown) into a
     * throwaway file in {@code folder}, and deletes it. Best effort: a folder that cannot take it leaves the path cold.
     */
    static void prepare(File folder) {
        File scratch = null;
        try {
            // not File.createTempFile: its name's SecureRandom loads the security providers, 15 ms before the first
            // class
            File named = new File(folder, "memprobe-last-words-" + ThisJvm.pid() + "-" + System.nanoTime() + ".tmp");
            if (!named.createNewFile()) {
                return;
            }
            scratch = named;
            JournalWriter writer = JournalWriter.open(scratch);
            try {
                Problem memory = OutOfMemory.find(new OutOfMemoryError("Java heap space"));
                Problem.of(new IllegalStateException("warm"));
                writer.error("a.A", null, memory, null);
                writer.testEnd("a.A", null, TestStatus.ERRORED, null, memory);
                writer.nearLimit("a.A", "m", "pool", 1, 2);
                writer.gcOverhead("a.A", "m", 10_000, 9_000, 100, 1, 2, null);
                Map<Thread, StackTraceElement[]> none = Collections.emptyMap();
                ExitTrigger.Found found = ExitTrigger.find(none);
                writer.shutdown(found.trigger, found.caller, "a.A", "m", null);
                writer.shutdown(ShutdownTrigger.UNKNOWN, null, "a.A", null, null);
                writer.runEnd(0);
            } finally {
                writer.close();
            }
        } catch (Throwable t) {
            // the lines will be written cold, if there is room
        } finally {
            if (scratch != null && !scratch.delete()) {
                scratch.deleteOnExit();
            }
        }
    }
}
