package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    @Test
    void findsProductsByWord() {
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < 5_000; i++) {
            for (String word : ("blue cotton shirt size " + (i % 7)).split(" ")) {
                index.merge(word, 1, Integer::sum);
            }
        }
        assertEquals(5_000, index.get("shirt"));
    }
}
