package it.faithful;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds 256 MiB at once: dies under -Xmx128m, alone or not. */
class StatementImportTest {

    @Test
    void importsEveryStatement() {
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < 4096; i++) { // 256 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            blocks.add(new byte[64 * 1024]);
        }
        assertEquals(4096, blocks.size());
    }
}
