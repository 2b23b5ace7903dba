package it.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The victim: compiles 7,000 scripts to classes and holds them for the test; frees them afterwards. */
class C2ScriptEngineTest {

    @Test
    void compilesEveryScript() {
        List<Class<?>> scripts = Classes.defineCopies(7000);
        assertEquals(7000, scripts.size());
    }
}
