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
            if (HELD.size() % 8 == 0) {
                Thread.sleep(20); // a hog that fills the heap over a moment, as real ones do
            }
        }
    }
}
