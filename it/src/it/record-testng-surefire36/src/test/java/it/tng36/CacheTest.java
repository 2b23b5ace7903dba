package it.tng36;

import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Keeps 8 MiB from its @BeforeClass on: the class's measurement sees it. */
public class CacheTest {
    static final List<byte[]> CACHE = new ArrayList<>();

    @BeforeClass
    public void warm() {
        for (int i = 0; i < 8; i++) {
            CACHE.add(new byte[1 << 20]);
        }
    }

    @Test
    public void holds() {
        assertEquals(CACHE.size(), 8);
    }
}
