package it.two;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A polluter: keeps 80 MiB in a static field. */
class B2CacheWarmupTest {

    static final List<byte[]> KEPT = new ArrayList<>();

    @Test
    void keepsData() {
        for (int i = 0; i < 1280; i++) { // 80 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            KEPT.add(new byte[64 * 1024]);
        }
        assertEquals(1280, KEPT.size());
    }
}
