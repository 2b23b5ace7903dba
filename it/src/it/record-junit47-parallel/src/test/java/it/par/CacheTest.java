package it.par;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class CacheTest {
    static final List<byte[]> CACHE = new ArrayList<>();

    @Test
    public void warms() {
        for (int i = 0; i < 8; i++) {
            CACHE.add(new byte[1 << 20]);
        }
        assertEquals(8, CACHE.size());
    }

    @Test
    public void reads() throws InterruptedException {
        Thread.sleep(50);
        assertEquals(1, 1);
    }
}
