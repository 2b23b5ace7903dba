package it.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The native polluter: keeps 250 MiB of direct buffers in a static pool, touched so that they count in the RSS. */
class B1NativePoolTest {

    static final List<ByteBuffer> POOL = new ArrayList<>();

    @Test
    void poolsDirectBuffers() throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1024 * 1024);
            for (int p = 0; p < buffer.capacity(); p += 4096) {
                buffer.put(p, (byte) 1); // touched, so that it counts in the RSS
            }
            POOL.add(buffer);
        }
        assertEquals(250, POOL.size());
    }
}
