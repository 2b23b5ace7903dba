package it.tng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class AlphaTest {
    @Test
    public void adds() {
        assertEquals(2 + 2, 4);
    }
}
