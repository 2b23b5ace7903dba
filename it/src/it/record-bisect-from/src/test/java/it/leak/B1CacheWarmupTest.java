package it.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polluter: warms a static cache of 80 MiB and never clears it. */
class B1CacheWarmupTest {

    static final List<byte[]> CACHE = new ArrayList<>();

    @Test
    void warmsTheCache() {
        for (int i = 0; i < 1280; i++) { // 80 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            CACHE.add(new byte[64 * 1024]);
        }
        assertEquals(1280, CACHE.size());
    }
}
