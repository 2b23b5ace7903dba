package it.rec;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fills the heap before any of its tests: the fork dies with no test method in flight. */
class BoomTest {

    static final List<byte[]> HELD = new ArrayList<>();

    @BeforeAll
    static void loadEverything() {
        while (true) {
            HELD.add(new byte[1 << 20]);
        }
    }

    @Test
    void neverRuns() {}
}
