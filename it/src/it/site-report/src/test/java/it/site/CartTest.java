package it.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CartTest {

    @Test
    void adds() {
        assertEquals(2, 1 + 1);
    }
}
