package it.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class C1PlainTest {

    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }
}
