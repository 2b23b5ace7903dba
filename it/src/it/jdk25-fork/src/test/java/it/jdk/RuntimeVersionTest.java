package it.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RuntimeVersionTest {

    @Test
    void runsOnJdk25() {
        assertEquals(25, Runtime.version().feature());
    }
}
