package it.multi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.multi.lib.Catalog;
import org.junit.jupiter.api.Test;

class PricingTest {

    @Test
    void pricesAnEmptyCatalog() {
        assertEquals(0, new Catalog().size());
    }
}
