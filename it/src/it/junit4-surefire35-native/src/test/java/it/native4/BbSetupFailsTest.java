package it.native4;

import static org.junit.Assert.fail;

import org.junit.BeforeClass;
import org.junit.Test;

/** Its @BeforeClass fails (not of memory): an error of the class with no test started. */
public class BbSetupFailsTest {

    @BeforeClass
    public static void connect() {
        fail("no database here");
    }

    @Test
    public void neverRuns() {}
}
