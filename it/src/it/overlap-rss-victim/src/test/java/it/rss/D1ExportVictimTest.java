package it.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heap victim: needs 60 MiB for a moment; fits alone, not beside the sessions. */
class D1ExportVictimTest {

    @Test
    void works() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 60 * 16; i++) { // 60 MiB in 64 KiB chunks, held for the test
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(60 * 16, rows.size());
    }
}
