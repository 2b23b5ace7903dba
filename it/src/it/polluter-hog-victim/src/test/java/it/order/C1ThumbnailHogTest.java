package it.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hog: needs 300 MiB at once; JUnit 5 rethrows its OutOfMemoryError, which ends the run unless memprobe goes on. */
class C1ThumbnailHogTest {

    @Test
    void rendersEveryThumbnail() {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 300 * 16; i++) {
            images.add(new byte[64 * 1024]);
        }
        assertEquals(300 * 16, images.size());
    }
}
