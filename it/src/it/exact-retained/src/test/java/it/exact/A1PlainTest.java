package it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordinary work: garbage, nothing kept. */
class A1PlainTest {

    @Test
    void buildsAndDropsAList() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            words.add("word" + i);
        }
        assertEquals(50_000, words.size());
    }
}
