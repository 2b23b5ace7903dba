package it.rec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZetaTest {

    @Test
    void adds() throws InterruptedException {
        Thread.sleep(150);
        assertEquals(4, 2 + 2);
    }

    @Test
    void keepsSomething() {
        byte[] small = new byte[256 * 1024];
        assertEquals(256 * 1024, small.length);
    }
}
