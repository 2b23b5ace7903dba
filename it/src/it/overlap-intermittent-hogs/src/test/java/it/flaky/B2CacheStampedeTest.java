package it.flaky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The intermittent hog: runs out of heap only when its cache is cold. The first run of this build loads 256 MiB;
 * every later run finds the warm marker and loads nothing. Stands for what races and timing do to real suites.
 */
class B2CacheStampedeTest {

    @Test
    void warmsTheCache() throws IOException {
        Path marker = Paths.get("target", "cache-warmed");
        List<byte[]> cache = new ArrayList<>();
        if (!Files.exists(marker)) {
            Files.createDirectories(marker.getParent());
            Files.createFile(marker);
            for (int i = 0; i < 4096; i++) {
                cache.add(new byte[64 * 1024]);
            }
        }
        assertEquals(cache.isEmpty() ? 0 : 4096, cache.size());
    }
}
