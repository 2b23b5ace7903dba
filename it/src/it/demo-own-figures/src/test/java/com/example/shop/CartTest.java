package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartTest {

    @Test
    void totalsItsLines() {
        List<Money> lines = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            lines.add(Money.of("0.99", "EUR").times(BigDecimal.valueOf(i)));
        }
        Money total = lines.stream().reduce(Money.of("0", "EUR"), Money::plus);
        assertEquals(new BigDecimal("4999.50"), total.amount());
    }
}
