package it.multi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.multi.lib.Catalog;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    @Test
    void loadsASmallCatalog() {
        assertEquals(16, new Catalog().load(16).size());
    }
}
