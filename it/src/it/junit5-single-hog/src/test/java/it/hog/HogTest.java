package it.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds 256 MiB at once: dies under -Xmx128m, alone or not. */
class HogTest {

    @Test
    void loadsEverythingAtOnce() {
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            blocks.add(new byte[1024 * 1024]);
        }
        assertEquals(256, blocks.size());
    }
}
