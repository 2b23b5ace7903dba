package it.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class A1ParserTest {

    @Test
    void parsesANumber() {
        assertEquals(42, Integer.parseInt("42"));
    }

    @Test
    void parsesANegativeNumber() {
        assertEquals(-7, Integer.parseInt("-7"));
    }
}
