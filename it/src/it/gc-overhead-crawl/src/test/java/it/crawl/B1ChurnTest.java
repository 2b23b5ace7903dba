package it.crawl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Slow but healthy: for 12 seconds it allocates as fast as it can and keeps only its latest 16 MiB (a quarter of the
 * heap). The arrays live long enough to be copied by several young collections, so the JVM collects often and spends
 * much of its time doing it, but every collection leaves the heap far from full.
 */
class B1ChurnTest {

    @Test
    void churnsThroughGigabytes() {
        byte[][] recent = new byte[16 * 16][]; // 16 MiB of 64 KiB arrays
        long deadline = System.nanoTime() + 12_000_000_000L;
        long allocated = 0;
        int next = 0;
        while (System.nanoTime() < deadline) {
            byte[] chunk = new byte[64 * 1024];
            chunk[next % chunk.length] = (byte) next;
            recent[next++ % recent.length] = chunk;
            allocated += chunk.length;
        }
        assertTrue(allocated > 64L * 1024 * 1024, "allocated " + allocated);
    }
}
