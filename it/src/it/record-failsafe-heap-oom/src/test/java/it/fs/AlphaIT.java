package it.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaIT {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
