package it.phv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The victim: needs 90 MiB for a moment, which fits alone but not beside the 50 MiB of sessions. */
class D1ExportVictimTest {

    @Test
    void works() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 90 * 16; i++) { // 90 MiB in 64 KiB chunks, held for the test
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(90 * 16, rows.size());
    }
}
