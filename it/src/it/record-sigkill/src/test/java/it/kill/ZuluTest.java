package it.kill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZuluTest {
    @Test
    void neverRuns() {
        assertEquals(4, 2 + 2);
    }
}
