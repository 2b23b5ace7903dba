package it.par;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class BetaTest {
    @Test
    public void adds() throws InterruptedException {
        Thread.sleep(50);
        assertEquals(4, 2 + 2);
    }

    @Test
    public void multiplies() throws InterruptedException {
        Thread.sleep(50);
        assertEquals(6, 2 * 3);
    }

    @Test
    public void subtracts() throws InterruptedException {
        Thread.sleep(50);
        assertEquals(1, 3 - 2);
    }
}
