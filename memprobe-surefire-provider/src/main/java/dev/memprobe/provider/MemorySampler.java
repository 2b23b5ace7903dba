package dev.memprobe.provider;

import dev.memprobe.journal.JournalWriter;
import dev.memprobe.measure.ClassMeter;

/**
 * Writes a {@code memory} line to the journal every {@value #PERIOD_MILLIS} ms while the tests run, from a daemon thread
 * of its own: heap in use, heap after the latest collection and resident memory, for the report's chart of each
 * probe's memory over time. Each sample reads two management values and {@code /proc/self/status} and writes one line:
 * about a tenth of a millisecond, five times a second: under 0.1% of one core ({@code MemorySamplerTest} measures
 * it). It never throws into the tests and
 * never holds a lock they need.
 */
final class MemorySampler implements Runnable {

    static final long PERIOD_MILLIS = 200;

    private final JournalWriter journal;
    private final ClassMeter meter;
    private final long periodMillis;
    private volatile boolean stopped;
    private Thread thread;

    MemorySampler(JournalWriter journal, ClassMeter meter) {
        this(journal, meter, PERIOD_MILLIS);
    }

    MemorySampler(JournalWriter journal, ClassMeter meter, long periodMillis) {
        this.journal = journal;
        this.meter = meter;
        this.periodMillis = periodMillis;
    }

    /** Starts sampling: one sample now, on the caller's thread, then one a period. */
    synchronized void start() {
        if (thread != null) {
            return;
        }
        sample();
        thread = new Thread(this, "memprobe-memory-sampler");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY); // a sample must not wait behind the tests' threads
        thread.start();
    }

    /** Stops sampling after one last sample; returns at once. */
    void stop() {
        if (!stopped) {
            stopped = true;
            sample();
            Thread running;
            synchronized (this) {
                running = thread;
            }
            if (running != null) {
                running.interrupt();
            }
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    /** One {@code memory} line; a sample that cannot be taken (memory running out, say) is left out. */
    void sample() {
        try {
            journal.memory(meter.heapUsed(), meter.liveHeap(), meter.rss());
        } catch (RuntimeException | OutOfMemoryError e) {
            // one sample less: never a failure of the tests
        }
    }
}
