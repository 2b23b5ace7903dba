package it.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads every fixture into a local list in @BeforeAll: dies before any test method starts. */
class FixtureHogTest {

    static int loaded;

    @BeforeAll
    static void loadFixtures() {
        List<byte[]> fixtures = new ArrayList<>();
        for (int i = 0; i < 4096; i++) { // 256 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            fixtures.add(new byte[64 * 1024]);
        }
        loaded = fixtures.size();
    }

    @Test
    void usesTheFixtures() {
        assertEquals(4096, loaded);
    }
}
