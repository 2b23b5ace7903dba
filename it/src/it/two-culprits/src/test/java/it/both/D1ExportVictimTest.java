package it.both;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The victim: needs 120 MiB for a moment. */
class D1ExportVictimTest {

    @Test
    void exports() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 1920; i++) {
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(1920, rows.size());
    }
}
