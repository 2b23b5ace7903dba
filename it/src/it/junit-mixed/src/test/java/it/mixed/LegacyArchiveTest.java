package it.mixed;

import java.util.ArrayList;
import java.util.List;
import junit.framework.TestCase;

/** A JUnit 3 hog: 256 MiB at once. */
public class LegacyArchiveTest extends TestCase {

    public void testUnpacksEverything() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            entries.add(new byte[64 * 1024]);
        }
        assertEquals(4096, entries.size());
    }
}
