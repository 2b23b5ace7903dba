package it.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AaaPlainTest {

    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }
}
