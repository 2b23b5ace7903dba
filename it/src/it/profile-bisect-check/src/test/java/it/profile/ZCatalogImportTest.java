package it.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds 96 MiB while it churns through 384 MiB of garbage: collections run and see the 96 MiB live. Runs last. */
class ZCatalogImportTest {

    static volatile byte[] sink;

    @Test
    void importsTheCatalog() {
        List<byte[]> catalog = new ArrayList<>();
        for (int i = 0; i < 1536; i++) { // 96 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            catalog.add(new byte[64 * 1024]);
        }
        for (int i = 0; i < 6144; i++) { // 384 MiB of garbage under -Xmx256m: several collections
            sink = new byte[64 * 1024];
        }
        assertEquals(1536, catalog.size());
    }
}
