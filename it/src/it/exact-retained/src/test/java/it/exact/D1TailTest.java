package it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ordinary work after the others: keeps nothing. */
class D1TailTest {

    @Test
    void sums() {
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += i % 7;
        }
        assertEquals(2_999_997L, sum);
    }
}
