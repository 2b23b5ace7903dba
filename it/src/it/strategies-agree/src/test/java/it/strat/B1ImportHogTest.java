package it.strat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hog: 256 MiB at once. */
class B1ImportHogTest {

    @Test
    void holdsEverything() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(4096, rows.size());
    }
}
