package it.faithful;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An ordinary test failure, not of memory: mvn test fails on it, and so must the profile. */
class AccountTest {

    @Test
    void addsInterest() {
        assertEquals(105, 100 + 4, "interest on 100");
    }

    @Test
    void opens() {
        assertEquals(0, 0);
    }
}
