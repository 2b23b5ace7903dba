package it.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The victim: needs 130 MiB for a moment, which fits alone but not beside the 70 MiB of sessions. */
class D1ExportVictimTest {

    @Test
    void exports() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 130 * 16; i++) {
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(130 * 16, rows.size());
    }
}
