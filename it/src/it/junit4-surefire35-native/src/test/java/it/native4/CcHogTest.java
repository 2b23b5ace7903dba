package it.native4;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Keeps 192 MiB reachable in one test: an OutOfMemoryError under -Xmx96m, which JUnit 4 reports and survives. */
public class CcHogTest {

    @Test
    public void loadsTheWholeCatalog() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 3072; i++) { // 64 KiB chunks: a 1 MiB array is humongous in a small G1 heap
            entries.add(new byte[64 * 1024]);
        }
        assertEquals(3072, entries.size());
    }
}
