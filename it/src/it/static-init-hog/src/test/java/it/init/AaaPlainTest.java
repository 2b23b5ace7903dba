package it.init;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AaaPlainTest {

    @Test
    void passes() {
        assertTrue(Runtime.getRuntime().maxMemory() > 0);
    }
}
