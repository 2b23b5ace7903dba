package it.tng36;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class BetaTest {
    @Test
    public void adds() {
        assertEquals(2 + 2, 4);
    }

    @Test
    public void multiplies() {
        assertEquals(2 * 3, 6);
    }
}
