package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine owns its ports: no Maven, Surefire or plugin type reaches the search (STYLE.md, "Shape"). */
class EnginePortsTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/memprobe/bisect");

    @Test
    void bisectPackageImportsNothingFromMavenSurefireOrThePlugin() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }

        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            assertThat(Files.readAllLines(source))
                    .as(source.toString())
                    .noneMatch(line -> line.startsWith("import org.apache.maven")
                            || line.startsWith("import org.codehaus")
                            || line.startsWith("import dev.memprobe.maven")
                            || line.startsWith("import dev.memprobe.fork")
                            || line.startsWith("import dev.memprobe.report"));
        }
    }
}
