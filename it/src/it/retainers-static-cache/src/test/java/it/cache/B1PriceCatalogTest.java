package it.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The polluter: a static price catalog of 80 MiB that is never cleared. */
class B1PriceCatalogTest {

    static final Map<String, byte[]> ENTRIES = new HashMap<>();

    @Test
    void loadsTheCatalog() {
        for (int i = 0; i < 1280; i++) { // 80 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            ENTRIES.put("sku-" + i, new byte[64 * 1024]);
        }
        assertEquals(1280, ENTRIES.size());
    }
}
