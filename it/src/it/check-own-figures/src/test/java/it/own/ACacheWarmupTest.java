package it.own;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polluter: warms a static cache of 96 MiB and never clears it, with as much garbage beside it. */
class ACacheWarmupTest {

    static final List<byte[]> CACHE = new ArrayList<>();

    static volatile byte[] garbage;

    @Test
    void warmsTheCache() {
        for (int i = 0; i < 1536; i++) { // 96 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            CACHE.add(new byte[64 * 1024]);
            garbage = new byte[64 * 1024];
        }
        assertEquals(1536, CACHE.size());
    }
}
