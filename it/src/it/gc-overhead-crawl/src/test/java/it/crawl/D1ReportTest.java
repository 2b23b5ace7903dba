package it.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class D1ReportTest {

    @Test
    void formatsATotal() {
        assertEquals("total: 12", "total: " + (5 + 7));
    }
}
