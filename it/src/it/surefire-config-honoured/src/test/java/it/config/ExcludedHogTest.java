package it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Excluded in the project's Surefire configuration: memprobe must not run it. */
class ExcludedHogTest {

    @Test
    void wouldDie() {
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < 8192; i++) { // 512 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            blocks.add(new byte[64 * 1024]);
        }
        assertEquals(8192, blocks.size());
    }
}
