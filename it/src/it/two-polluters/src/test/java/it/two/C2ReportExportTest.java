package it.two;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The victim: needs 130 MiB for a moment. Alone or after one polluter it fits in 256 MiB; after both it dies. */
class C2ReportExportTest {

    @Test
    void exports() {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 2080; i++) { // 130 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            pages.add(new byte[64 * 1024]);
        }
        assertEquals(2080, pages.size());
    }
}
