package it.bad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CartTest {

    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }
}
