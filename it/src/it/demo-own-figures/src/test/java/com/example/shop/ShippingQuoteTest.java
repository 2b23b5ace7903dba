package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ShippingQuoteTest {

    @Test
    void heavierParcelsCostMore() {
        Money light = Money.of("4.90", "EUR").times(new BigDecimal("1.0"));
        Money heavy = Money.of("4.90", "EUR").times(new BigDecimal("2.5"));
        assertTrue(heavy.amount().compareTo(light.amount()) > 0);
    }
}
