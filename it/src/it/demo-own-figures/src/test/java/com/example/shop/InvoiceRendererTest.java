package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvoiceRendererTest {

    @Test
    void rendersOneLinePerItem() {
        StringBuilder invoice = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            invoice.append(String.format("%-20s %10s%n", "item " + i, Money.of("9.99", "EUR").amount()));
        }
        assertTrue(invoice.toString().lines().count() == 2_000);
    }
}
