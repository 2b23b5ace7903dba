package it.fs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fills the heap in a test: under JUnit 5 the OutOfMemoryError aborts the fork, and the classes after it never run. */
class HogIT {
    @Test
    void fill() {
        List<byte[]> held = new ArrayList<>();
        while (true) {
            held.add(new byte[1 << 20]);
        }
    }
}
