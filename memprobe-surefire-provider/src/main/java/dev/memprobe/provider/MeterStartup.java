package dev.memprobe.provider;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the meters on a daemon thread of their own while the test framework discovers the tests (the JVM's
 * management beans cost tens of milliseconds on their first use), and lets the journal's lines that need them wait.
 */
final class MeterStartup {

    private final CountDownLatch done = new CountDownLatch(1);

    /** Runs {@code start} on its own thread; whether it succeeds or fails, the waiting ends when it returns. */
    void start(Runnable start) {
        Thread thread = new Thread(
                () -> {
                    try {
                        start.run();
                    } catch (Throwable t) {
                        // measuring is best effort: the classes are still journaled, without numbers
                    } finally {
                        done.countDown();
                    }
                },
                "memprobe-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Marks the meters as started without a thread (they were given ready). */
    void started() {
        done.countDown();
    }

    /** Waits for the meters to start: as long as it takes when {@code millis} is negative. */
    void await(long millis) {
        if (done.getCount() == 0) {
            return;
        }
        try {
            if (millis < 0) {
                done.await();
            } else {
                done.await(millis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
