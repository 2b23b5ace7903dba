package it.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds 600 MiB of direct buffers, touched so that they count in RSS. */
class NettyLikeBufferTest {

    @Test
    void poolsDirectBuffers() throws InterruptedException {
        List<ByteBuffer> pool = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1024 * 1024);
            for (int p = 0; p < buffer.capacity(); p += 4096) {
                buffer.put(p, (byte) 1);
            }
            pool.add(buffer);
        }
        assertEquals(600, pool.size());
        Thread.sleep(2_000); // hold them: a container's OOM killer would strike now
    }
}
