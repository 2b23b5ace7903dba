package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {

    @Test
    void keepsStockPerSku() {
        Map<String, Integer> stock = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            stock.merge("SKU-" + (i % 250), 1, Integer::sum);
        }
        assertEquals(250, stock.size());
        assertEquals(40, stock.get("SKU-7"));
    }
}
