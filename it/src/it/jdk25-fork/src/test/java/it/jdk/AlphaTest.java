package it.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlphaTest {

    @Test
    void sortsSmallLists() {
        List<Integer> values = new ArrayList<>();
        for (int i = 1000; i > 0; i--) {
            values.add(i);
        }
        values.sort(null);
        assertEquals(1, values.get(0));
    }

    @Test
    void buildsStrings() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(i);
        }
        assertEquals(2890, text.length());
    }
}
