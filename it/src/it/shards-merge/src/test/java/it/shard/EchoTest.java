package it.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void passes() {
        assertEquals(4, "Echo".length());
    }
}
