package it.flavour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The hog hides in a nested class: blamed on the top-level class Surefire runs. */
class NestedHogTest {

    @Test
    void outerPasses() {
        assertEquals(1, 1);
    }

    @Nested
    class WhenImporting {
        @Test
        void holdsEverything() {
            List<byte[]> rows = new ArrayList<>();
            for (int i = 0; i < 4096; i++) {
                rows.add(new byte[64 * 1024]);
            }
            assertEquals(4096, rows.size());
        }
    }
}
