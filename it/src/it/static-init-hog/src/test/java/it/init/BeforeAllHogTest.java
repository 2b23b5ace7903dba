package it.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Builds a 256 MiB fixture in @BeforeAll: dies before any test method starts. */
class BeforeAllHogTest {

    static List<byte[]> fixture;

    @BeforeAll
    static void loadFixture() {
        fixture = new ArrayList<>();
        for (int i = 0; i < 4096; i++) { // 256 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            fixture.add(new byte[64 * 1024]);
        }
    }

    @Test
    void usesTheFixture() {
        assertEquals(4096, fixture.size());
    }
}
