package it.mixed;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** JUnit 4 style. */
public class ClassicServiceTest {

    @Test
    public void adds() {
        assertEquals(3, 1 + 2);
    }
}
