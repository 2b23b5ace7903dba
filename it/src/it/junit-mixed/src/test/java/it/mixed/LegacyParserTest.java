package it.mixed;

import junit.framework.TestCase;

/** JUnit 3 style. */
public class LegacyParserTest extends TestCase {

    public void testParsesNumbers() {
        assertEquals(42, Integer.parseInt("42"));
    }
}
