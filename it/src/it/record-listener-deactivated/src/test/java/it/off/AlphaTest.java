package it.off;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
