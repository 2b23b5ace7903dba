package dev.memprobe.recorder.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Run by the listener's test through a launcher of its own; Surefire's includes do not match the name. */
public class SampleJupiter {

    @Test
    void passes() {}

    @Test
    void fails() {
        assertEquals(1, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void twice(int value) {}

    @Nested
    class Inner {
        @Test
        void inside() {}
    }
}
