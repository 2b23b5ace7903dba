package it.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Allocates next to nothing: no collection runs while it runs, and its heap peak is far under the budget. */
class BPlainTest {

    @Test
    void concatenates() {
        assertEquals("ab", "a" + "b");
    }
}
