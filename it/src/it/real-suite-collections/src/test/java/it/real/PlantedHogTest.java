package it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.collections4.list.TreeList;
import org.junit.jupiter.api.Test;

/** The planted hog: holds up to 4 GiB (64 KiB chunks) in a commons-collections list, far over the forks' heap. */
class PlantedHogTest {

    @Test
    void keepsEveryChunk() {
        List<byte[]> chunks = new TreeList<>(new ArrayList<>());
        for (int i = 0; i < 65536; i++) { // 4 GiB: over any heap this case gives
            chunks.add(new byte[64 * 1024]);
        }
        assertEquals(65536, chunks.size());
    }
}
