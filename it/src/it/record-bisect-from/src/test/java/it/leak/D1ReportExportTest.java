package it.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The victim: needs 130 MiB for a moment. Fine alone under 192 MiB; not after the cache took 80. */
class D1ReportExportTest {

    @Test
    void exportsTheYearlyReport() {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 2080; i++) { // 130 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            pages.add(new byte[64 * 1024]);
        }
        assertEquals(2080, pages.size());
    }
}
