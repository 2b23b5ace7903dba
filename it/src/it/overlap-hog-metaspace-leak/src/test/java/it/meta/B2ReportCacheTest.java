package it.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps 124 MiB of reports, more than three quarters of the heap: no test needs that room, but a heap error after it
 * cannot be gone past.
 */
class B2ReportCacheTest {

    static final List<byte[]> REPORTS = new ArrayList<>();

    @Test
    void keeps() {
        for (int i = 0; i < 124 * 16; i++) { // 124 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            REPORTS.add(new byte[64 * 1024]);
        }
        assertEquals(124 * 16, REPORTS.size());
    }
}
