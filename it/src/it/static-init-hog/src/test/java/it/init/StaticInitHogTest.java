package it.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loads a 256 MiB fixture in its static initializer: dies before any test method starts. */
class StaticInitHogTest {

    static final List<byte[]> FIXTURE = new ArrayList<>();

    static {
        for (int i = 0; i < 4096; i++) { // 256 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            FIXTURE.add(new byte[64 * 1024]);
        }
    }

    @Test
    void usesTheFixture() {
        assertEquals(4096, FIXTURE.size());
    }
}
