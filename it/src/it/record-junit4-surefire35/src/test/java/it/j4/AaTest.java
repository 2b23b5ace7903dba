package it.j4;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class AaTest {
    @Test
    public void adds() {
        assertEquals(4, 2 + 2);
    }

    @Test
    public void addsAgain() {
        assertEquals(6, 3 + 3);
    }
}
