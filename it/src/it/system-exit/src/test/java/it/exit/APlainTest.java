package it.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class APlainTest {

    @Test
    void passes() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append('x');
        }
        assertEquals(1000, text.length());
    }
}
