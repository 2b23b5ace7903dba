package it.junit4;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class PrinterTest {

    @Test
    public void countsCharacters() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("ab");
        }
        assertEquals(1000, text.length());
    }
}
