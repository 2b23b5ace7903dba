package it.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Starts a listener thread per event and never stops them: a thread leak without bound. */
class ListenerLeakTest {

    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final List<Thread> LISTENERS = new ArrayList<>();

    @Test
    void registersAListenerPerEvent() {
        for (int event = 0; event < 100_000; event++) {
            Thread listener = new Thread(() -> {
                try {
                    NEVER.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            listener.setDaemon(true);
            listener.start();
            LISTENERS.add(listener);
        }
    }
}
