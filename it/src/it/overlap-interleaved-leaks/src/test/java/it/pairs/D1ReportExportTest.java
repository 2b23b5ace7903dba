package it.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first victim: needs 75 MiB for a moment; fits beside the tokens, not beside the orders. */
class D1ReportExportTest {

    @Test
    void works() {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 75 * 16; i++) { // 75 MiB in 64 KiB chunks, held for the test
            rows.add(new byte[64 * 1024]);
        }
        assertEquals(75 * 16, rows.size());
    }
}
