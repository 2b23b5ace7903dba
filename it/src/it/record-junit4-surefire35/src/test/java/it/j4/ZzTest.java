package it.j4;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ZzTest {
    @Test
    public void runsAfterTheHog() {
        assertEquals(4, 2 + 2);
    }
}
