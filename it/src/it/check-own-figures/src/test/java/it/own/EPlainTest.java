package it.own;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An ordinary class after the leak: it churns 128 MiB of garbage (collections run) and keeps nothing. */
class EPlainTest {

    static volatile byte[] garbage;

    @Test
    void churns() {
        long sum = 0;
        for (int i = 0; i < 2048; i++) {
            garbage = new byte[64 * 1024];
            sum += garbage.length;
        }
        assertTrue(sum > 0);
    }
}
