package it.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second polluter: keeps 40 MiB of tokens in a static field. */
class C1TokenStoreTest {

    static final List<byte[]> TOKENS = new ArrayList<>();

    @Test
    void keeps() {
        for (int i = 0; i < 40 * 16; i++) { // 40 MiB in 64 KiB chunks (1 MiB arrays are humongous in G1)
            TOKENS.add(new byte[64 * 1024]);
        }
        assertEquals(40 * 16, TOKENS.size());
    }
}
