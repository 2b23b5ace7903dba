package it.junit4;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Keeps 256 MiB reachable: an OutOfMemoryError under -Xmx128m, which JUnit 4 reports as a test error. */
public class ArchiveTest {

    @Test
    public void smallOne() {
        assertEquals(2, 1 + 1);
    }

    @Test
    public void unpacksTheWholeArchiveInMemory() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 4096; i++) { // 256 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            entries.add(new byte[64 * 1024]);
        }
        assertEquals(4096, entries.size());
    }
}
