package it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OtherTest {

    @Test
    void passes() {
        assertEquals("yes", System.getProperty("from.argline"));
    }
}
