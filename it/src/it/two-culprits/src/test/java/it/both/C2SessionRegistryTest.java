package it.both;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A polluter: registers 90 MiB of sessions in a static registry and never removes them. */
class C2SessionRegistryTest {

    static final List<byte[]> SESSIONS = new ArrayList<>();

    @Test
    void registersSessions() {
        for (int i = 0; i < 1440; i++) {
            SESSIONS.add(new byte[64 * 1024]);
        }
        assertEquals(1440, SESSIONS.size());
    }
}
