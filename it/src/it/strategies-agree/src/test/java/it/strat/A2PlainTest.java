package it.strat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class A2PlainTest {

    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }
}
