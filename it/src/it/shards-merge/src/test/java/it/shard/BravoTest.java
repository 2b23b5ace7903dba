package it.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BravoTest {

    @Test
    void passes() {
        assertEquals(5, "Bravo".length());
    }
}
