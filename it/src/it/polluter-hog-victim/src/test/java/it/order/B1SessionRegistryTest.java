package it.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A polluter: registers 70 MiB of sessions in a static registry and never removes them. */
class B1SessionRegistryTest {

    static final List<byte[]> SESSIONS = new ArrayList<>();

    @Test
    void registersSessions() {
        for (int i = 0; i < 70 * 16; i++) {
            SESSIONS.add(new byte[64 * 1024]);
        }
        assertEquals(70 * 16, SESSIONS.size());
    }
}
