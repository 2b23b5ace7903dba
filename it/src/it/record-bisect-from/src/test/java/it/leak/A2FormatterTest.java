package it.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class A2FormatterTest {

    @Test
    void doesOrdinaryWork() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            words.add("word" + i);
        }
        assertEquals(20_000, words.size());
    }
}
