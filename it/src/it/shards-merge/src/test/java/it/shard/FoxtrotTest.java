package it.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FoxtrotTest {

    @Test
    void passes() {
        assertEquals(7, "Foxtrot".length());
    }
}
