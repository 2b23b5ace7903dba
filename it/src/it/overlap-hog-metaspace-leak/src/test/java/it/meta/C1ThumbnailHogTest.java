package it.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hog: needs 300 MiB of heap at once. */
class C1ThumbnailHogTest {

    @Test
    void works() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 300 * 16; i++) { // 300 MiB in 64 KiB chunks, held for the test
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(300 * 16, rows.size());
    }
}
