package it.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class A1PlainTest {

    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
