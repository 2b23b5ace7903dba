package it.native4;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Runs after the hog in the suite's fork: JUnit 4 goes on past the hog's OutOfMemoryError. */
public class DdAfterTest {

    @Test
    public void runs() {
        assertTrue(Runtime.getRuntime().maxMemory() > 0);
    }
}
