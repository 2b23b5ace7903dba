package it.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CharlieTest {

    @Test
    void passes() {
        assertEquals(7, "Charlie".length());
    }
}
