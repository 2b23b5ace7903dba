package it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Display names that would break any report that used them unescaped (Surefire reports the Java names). */
@DisplayName("<script>alert(2)</script> \"double\" 'single' & `tick` | pipe  two  spaces")
class ÜberprüfungTest {

    @Test
    @DisplayName("<script>alert(3)</script> prüft \"alles\" & `mehr` | <b>fett</b>")
    void prüftEtwas() {
        assertEquals(4, 2 + 2);
    }

    @TestFactory
    Stream<DynamicTest> prüftDynamisch() {
        return Stream.of(dynamicTest("<script>alert(4)</script> \"q\" 'a' & `b` | c  d ü", () -> assertEquals(1, 1)));
    }
}
