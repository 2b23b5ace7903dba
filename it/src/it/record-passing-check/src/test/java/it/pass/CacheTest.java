package it.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps 40 MiB in a static cache, and churns enough garbage that collections see it. */
class CacheTest {

    static final List<byte[]> CACHE = new ArrayList<>();

    @Test
    void warmsTheCache() {
        for (int i = 0; i < 640; i++) {
            CACHE.add(new byte[64 * 1024]);
        }
        long churned = 0;
        for (int i = 0; i < 4000; i++) {
            churned += new byte[64 * 1024].length;
        }
        System.gc();
        assertEquals(640, CACHE.size());
        assertEquals(4000L * 64 * 1024, churned);
    }
}
