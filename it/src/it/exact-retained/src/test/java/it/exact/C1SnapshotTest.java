package it.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Keeps one 16 MiB array: G1 allocates it straight in the old generation (humongous), no young collection sees it. */
class C1SnapshotTest {

    static byte[] snapshot;

    @Test
    void takesASnapshot() {
        snapshot = new byte[16 * 1024 * 1024];
        assertEquals(16 * 1024 * 1024, snapshot.length);
    }
}
