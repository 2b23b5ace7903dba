package it.old;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HogTest {
    static final List<byte[]> HELD = new ArrayList<>();

    @Test
    void loadsEverything() {
        while (true) {
            HELD.add(new byte[1 << 20]);
        }
    }
}
