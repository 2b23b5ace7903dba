package it.flaky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The steady hog: loads 40,000 schema classes at once, more than MaxMetaspaceSize holds, every time. */
class B1SchemaLoaderHogTest {

    @Test
    void compilesEveryScript() {
        List<Class<?>> scripts = Classes.defineCopies(40000);
        assertEquals(40000, scripts.size());
    }
}
