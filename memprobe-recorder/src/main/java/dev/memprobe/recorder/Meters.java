package dev.memprobe.recorder;

import dev.memprobe.journal.ForkOptions;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcOverhead;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.HeapWatchdog;
import dev.memprobe.measure.ProcStatus;
import dev.memprobe.provider.ThisJvm;
import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The provider's meters for a recorded fork, started on a daemon thread of their own as soon as the recorder exists
 * (the JVM's management beans cost tens of milliseconds on their first use, which then pass beside the framework's
 * discovery): a {@link ClassMeter} without forced collections, the {@link GcWatcher} feeding a {@link GcOverhead}
 * (which in a recording only reports: the run is the project's, memprobe stops none of its forks) and the
 * {@link HeapWatchdog}.
 * The fork line is written once they run, before any other line, which waits for it.
 */
final class Meters {

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile ClassMeter meter;

    /** Meters that start with {@link #start}. */
    Meters() {}

    /** Meters given ready, the fork line left to the caller (tests). */
    Meters(ClassMeter ready) {
        this.meter = ready;
        started.countDown();
    }

    /**
     * Starts the meters on their own thread; then writes the fork line and prepares the lines of a death
     * ({@link LastWords#prepare}, in {@code folder}). Lines that need them wait.
     */
    void start(JournalWriter journal, HeapWatchdog.Listener nearLimit, GcOverhead.Listener pastSaving, File folder) {
        Thread thread = new Thread(
                new Runnable() { // not a lambda: see Recorder.Calls
                    @Override
                    public void run() {
                        boolean forkLine = false;
                        try {
                            ProcStatus proc = new ProcStatus();
                            GcWatcher gc = new GcWatcher(new GcOverhead(
                                    ManagementFactory.getMemoryMXBean()
                                            .getHeapMemoryUsage()
                                            .getMax(),
                                    ManagementFactory.getRuntimeMXBean().getUptime(),
                                    pastSaving));
                            gc.install();
                            ClassMeter made = new ClassMeter(proc, gc, false);
                            journal.fork(
                                    ThisJvm.pid(),
                                    System.getProperty("java.version"),
                                    System.getProperty("java.vendor"),
                                    System.getProperty("java.vm.name"),
                                    made.heapMax(),
                                    collectorNames(),
                                    proc.resetPeak(),
                                    ThisJvm.startTime(),
                                    false);
                            forkLine = true;
                            meter = made;
                            new HeapWatchdog(nearLimit).install(ForkOptions.DEFAULT_NEAR_LIMIT);
                        } catch (Throwable t) {
                            // measuring is best effort: classes are still journaled, without numbers
                        } finally {
                            if (!forkLine) {
                                journal.fork(
                                        ThisJvm.pid(),
                                        System.getProperty("java.version"),
                                        System.getProperty("java.vendor"),
                                        System.getProperty("java.vm.name"),
                                        -1,
                                        new ArrayList<String>(),
                                        false,
                                        ThisJvm.startTime(),
                                        false);
                            }
                            LastWords.prepare(folder);
                            started.countDown();
                        }
                    }
                },
                "memprobe-record-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The meter once started, waiting at most {@code millis}; null when it is not (yet) there. */
    ClassMeter await(long millis) {
        try {
            started.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return meter;
    }

    /** The meter, or null while it starts or when it could not. */
    ClassMeter meter() {
        return meter;
    }

    private static List<String> collectorNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return names;
    }
}
