package it.phv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A polluter: registers 50 MiB of sessions in a static registry and never removes them. */
class B1SessionRegistryTest {

    static final List<byte[]> SESSIONS = new ArrayList<>();

    @Test
    void keeps() {
        for (int i = 0; i < 50 * 16; i++) { // 50 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            SESSIONS.add(new byte[64 * 1024]);
        }
        assertEquals(50 * 16, SESSIONS.size());
    }
}
