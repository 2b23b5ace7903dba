package it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps 24 MiB in a static registry: too little to make a 512 MiB heap collect while it runs. */
class B1RegistryTest {

    static final List<byte[]> REGISTRY = new ArrayList<>();

    @Test
    void registersEverything() {
        for (int i = 0; i < 384; i++) { // 24 MiB in 64 KiB chunks
            REGISTRY.add(new byte[64 * 1024]);
        }
        assertEquals(384, REGISTRY.size());
    }
}
