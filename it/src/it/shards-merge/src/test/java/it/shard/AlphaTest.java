package it.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaTest {

    @Test
    void passes() {
        assertEquals(5, "Alpha".length());
    }
}
