package it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fails its assertion with a message full of markup: a failure is recorded, never blamed, and never rendered raw. */
class FailingTest {

    @Test
    void failsWithMarkup() {
        assertEquals("<script>alert(7)</script>", "</td><script>alert(8)</script> & `x` | y", "<b>hostile</b> message");
    }
}
