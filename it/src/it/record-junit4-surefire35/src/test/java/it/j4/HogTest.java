package it.j4;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Fills the heap in a test: JUnit 4 reports the OutOfMemoryError as the test's failure and goes on. */
public class HogTest {
    @Test
    public void fill() {
        List<byte[]> held = new ArrayList<>();
        while (true) {
            held.add(new byte[1 << 20]);
        }
    }
}
