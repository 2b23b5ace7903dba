package it.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class D2PlainTest {

    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }
}
