package it.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The victim: needs 130 MiB for a moment. Fine alone under 192 MiB; not beside the refreshers' 80. */
class D1ReportExportTest {

    @Test
    void exportsTheYearlyReport() {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 2080; i++) {
            pages.add(new byte[64 * 1024]);
        }
        assertEquals(2080, pages.size());
    }
}
