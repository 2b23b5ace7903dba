package it.hostile.größe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaßTest {

    @Test
    void misstGrößen() {
        assertEquals(3, "Maß".length());
    }
}
