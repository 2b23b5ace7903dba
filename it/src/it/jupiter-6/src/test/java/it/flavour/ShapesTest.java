package it.flavour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shape of Jupiter test: plain, parameterized, dynamic, nested (two levels). */
@DisplayName("Shapes <b>\"of\"</b> tests")
class ShapesTest {

    @Test
    void plain() {
        assertEquals(2, 1 + 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void parameterized(int value) {
        assertTrue(value > 0);
    }

    @TestFactory
    Stream<DynamicTest> dynamic() {
        return IntStream.range(0, 3).mapToObj(i -> dynamicTest("dynamic " + i, () -> assertTrue(i >= 0)));
    }

    @Nested
    class Inner {
        @Test
        void nestedTest() {
            assertEquals(4, 2 + 2);
        }

        @Nested
        class Deeper {
            @Test
            void deeperTest() {
                assertEquals(6, 3 + 3);
            }
        }
    }
}
