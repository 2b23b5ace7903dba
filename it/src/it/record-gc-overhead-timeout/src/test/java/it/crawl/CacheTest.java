package it.crawl;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leak: a cache that keeps a little of everything the work loads and lets go of entries only when memory runs out.
 * It loads four fifths of the heap at once, then grows with the work (64 KiB for every 32 MiB of garbage) until the
 * heap is at the brink, and stays there: G1 collects back to back with the heap nearly full after each collection,
 * and the work crawls. It would go on for three minutes, its deadline, and never fail: Surefire's fork timeout ends it first. It evicts without allocating:
 * an allocation in the handler of an OutOfMemoryError would fail again.
 */
class CacheTest {

    static final List<byte[]> CACHE = new ArrayList<>();

    @Test
    void warmsTheCache() {
        Runtime runtime = Runtime.getRuntime();
        while (runtime.totalMemory() - runtime.freeMemory() < runtime.maxMemory() * 4 / 5) {
            CACHE.add(new byte[64 * 1024]);
        }
        long deadline = System.nanoTime() + 180_000_000_000L;
        byte[][] work = new byte[64][];
        long done = 0;
        while (System.nanoTime() < deadline) {
            try {
                work[(int) (done++ % work.length)] = new byte[8 * 1024];
                if (done % 4096 == 0) {
                    CACHE.add(new byte[64 * 1024]);
                }
            } catch (OutOfMemoryError full) {
                // evict the newest megabyte, and go on
                for (int i = 0; i < 16 && !CACHE.isEmpty(); i++) {
                    CACHE.remove(CACHE.size() - 1);
                }
            }
        }
        assertFalse(CACHE.isEmpty());
    }
}
