package it.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneTest {

    @Test
    void allocatesALittle() {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 256; i++) { // 16 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            chunks.add(new byte[64 * 1024]);
        }
        assertEquals(256, chunks.size());
    }
}
