package it.phv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A hog of metaspace: loads 40,000 plugin classes at once, more than MaxMetaspaceSize holds; it dies alone and takes the fork with it. */
class C1PluginLoaderHogTest {

    @Test
    void compilesEveryScript() {
        List<Class<?>> scripts = Classes.defineCopies(40000);
        assertEquals(40000, scripts.size());
    }
}
