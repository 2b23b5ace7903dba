package it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class APlainTest {

    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }
}
