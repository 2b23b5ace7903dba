package it.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polluter: a static registry keeps every plugin class (and so its loader) it ever loaded. */
class B1PluginRegistryTest {

    static final List<Class<?>> REGISTRY = new ArrayList<>();

    @Test
    void loadsEveryPlugin() {
        REGISTRY.addAll(Classes.defineCopies(6000));
        assertEquals(6000, REGISTRY.size());
    }
}
