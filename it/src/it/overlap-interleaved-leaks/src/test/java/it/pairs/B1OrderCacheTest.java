package it.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first polluter: caches 95 MiB of orders in a static field. */
class B1OrderCacheTest {

    static final List<byte[]> ORDERS = new ArrayList<>();

    @Test
    void keeps() {
        for (int i = 0; i < 95 * 16; i++) { // 95 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            ORDERS.add(new byte[64 * 1024]);
        }
        assertEquals(95 * 16, ORDERS.size());
    }
}
