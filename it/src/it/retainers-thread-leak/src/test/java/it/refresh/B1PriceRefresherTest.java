package it.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The polluter: starts five price refreshers and never stops them; each keeps 16 MiB of prices while it waits. */
class B1PriceRefresherTest {

    static final CountDownLatch STOP = new CountDownLatch(1);

    @Test
    void startsTheRefreshers() throws InterruptedException {
        CountDownLatch loaded = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            Thread refresher = new Thread(() -> refresh(loaded), "price-refresher-" + i);
            refresher.setDaemon(true);
            refresher.start();
        }
        loaded.await();
        assertEquals(0, loaded.getCount());
    }

    static void refresh(CountDownLatch loaded) {
        List<byte[]> prices = new ArrayList<>();
        for (int i = 0; i < 256; i++) { // 16 MiB in 64 KiB chunks
            prices.add(new byte[64 * 1024]);
        }
        loaded.countDown();
        try {
            STOP.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        prices.clear();
    }
}
