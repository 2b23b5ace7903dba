package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountRulesTest {

    @ParameterizedTest
    @CsvSource({"100.00, 0.90, 90.00", "19.99, 0.75, 14.99", "5.00, 1.00, 5.00"})
    void appliesPercentageDiscounts(String price, String factor, String expected) {
        assertEquals(new BigDecimal(expected), Money.of(price, "EUR").times(new BigDecimal(factor)).amount());
    }
}
