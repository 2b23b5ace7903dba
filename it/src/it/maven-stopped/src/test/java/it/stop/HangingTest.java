package it.stop;

import org.junit.jupiter.api.Test;

/** Runs long enough to be interrupted. */
class HangingTest {

    @Test
    void takesForever() throws InterruptedException {
        Thread.sleep(600_000);
    }
}
