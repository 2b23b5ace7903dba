package it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaTest {
    @Test
    void adds() {
        if (Boolean.getBoolean("it.halt")) {
            Runtime.getRuntime().halt(137); // as the kernel's OOM killer ends a fork: no goodbye
        }
        assertEquals(4, 2 + 2);
    }
}
