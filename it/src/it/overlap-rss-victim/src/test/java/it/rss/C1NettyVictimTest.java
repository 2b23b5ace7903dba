package it.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory-limit victim: holds 250 MiB of direct buffers for a moment; fits under the limit alone, not beside the pool. */
class C1NettyVictimTest {

    @Test
    void poolsDirectBuffers() throws InterruptedException {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1024 * 1024);
            for (int p = 0; p < buffer.capacity(); p += 4096) {
                buffer.put(p, (byte) 1); // touched, so that it counts in the RSS
            }
            buffers.add(buffer);
        }
        assertEquals(250, buffers.size());
        Thread.sleep(2_000); // hold them: a container's OOM killer would strike now
    }
}
