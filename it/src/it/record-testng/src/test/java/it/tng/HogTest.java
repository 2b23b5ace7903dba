package it.tng;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** TestNG reports the OutOfMemoryError of a test as its failure and goes on. */
public class HogTest {
    @Test
    public void fill() {
        List<byte[]> held = new ArrayList<>();
        while (true) {
            held.add(new byte[1 << 20]);
        }
    }
}
