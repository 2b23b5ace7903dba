package it.old;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HogTest {
    static final List<byte[]> HELD = new ArrayList<>();

    @Test
    void loadsEverything() throws InterruptedException {
        while (true) {
            HELD.add(new byte[1 << 20]);
            if (HELD.size() % 4 == 0) {
                // a hog that fills the heap over a moment, as real ones do: the heap watchdog's notification
                // thread gets to say which class it was on a busy machine too
                Thread.sleep(50);
            }
        }
    }
}
