package it.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second victim: needs 125 MiB for a moment; fits alone, not beside the tokens. */
class E1ImportTest {

    @Test
    void works() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 125 * 16; i++) { // 125 MiB in 64 KiB chunks, held for the test
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(125 * 16, rows.size());
    }
}
