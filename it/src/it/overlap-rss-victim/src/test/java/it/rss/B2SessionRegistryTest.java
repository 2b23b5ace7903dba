package it.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heap polluter: registers 40 MiB of sessions and never removes them. */
class B2SessionRegistryTest {

    static final List<byte[]> SESSIONS = new ArrayList<>();

    @Test
    void keeps() {
        for (int i = 0; i < 40 * 16; i++) { // 40 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            SESSIONS.add(new byte[64 * 1024]);
        }
        assertEquals(40 * 16, SESSIONS.size());
    }
}
