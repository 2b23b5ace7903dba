package it.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void adds() {
        assertEquals(2, 1 + 1);
    }
}
