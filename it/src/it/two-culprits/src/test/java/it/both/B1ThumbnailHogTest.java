package it.both;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hog: needs 300 MiB at once. */
class B1ThumbnailHogTest {

    @Test
    void rendersEveryThumbnail() {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 4800; i++) {
            images.add(new byte[64 * 1024]);
        }
        assertEquals(4800, images.size());
    }
}
