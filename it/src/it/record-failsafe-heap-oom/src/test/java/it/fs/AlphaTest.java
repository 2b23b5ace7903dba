package it.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A unit test for Surefire: its execution is recorded beside Failsafe's. */
class AlphaTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
