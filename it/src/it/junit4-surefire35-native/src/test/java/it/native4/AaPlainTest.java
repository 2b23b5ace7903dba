package it.native4;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;

/** Two tests and an ignored one; prints to the console, which must not disturb Surefire's channel. */
public class AaPlainTest {

    @Test
    public void adds() {
        System.out.println("adding");
        assertEquals(2, 1 + 1);
    }

    @Test
    public void concatenates() {
        assertEquals("ab", "a" + "b");
    }

    @Ignore("not today")
    @Test
    public void ignored() {}
}
