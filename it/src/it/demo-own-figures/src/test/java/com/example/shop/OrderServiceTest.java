package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    @Test
    void numbersOrdersInSequence() {
        List<String> numbers = IntStream.rangeClosed(1, 500).mapToObj(i -> String.format("ORD-%06d", i)).toList();
        assertEquals("ORD-000500", numbers.get(499));
    }

    @Test
    void keepsTheOrderOfItems() {
        List<String> items = List.of("book", "lamp", "mug");
        assertEquals("lamp", items.get(1));
    }
}
