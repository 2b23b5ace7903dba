package it.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeltaTest {

    @Test
    void passes() {
        assertEquals(5, "Delta".length());
    }
}
