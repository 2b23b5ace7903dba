package it.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JUnit 5 style. */
class ModernServiceTest {

    @Test
    void multiplies() {
        assertEquals(6, 2 * 3);
    }
}
