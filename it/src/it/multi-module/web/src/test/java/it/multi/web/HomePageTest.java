package it.multi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.multi.lib.Catalog;
import org.junit.jupiter.api.Test;

class HomePageTest {

    @Test
    void renders() {
        assertEquals(4, new Catalog().load(4).size());
    }
}
