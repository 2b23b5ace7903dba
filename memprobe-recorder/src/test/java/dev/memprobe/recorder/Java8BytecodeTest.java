package dev.memprobe.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The recorder runs in the project's test JVMs, which may be a Java 8: every class it ships is Java 8 bytecode. */
class Java8BytecodeTest {

    @Test
    void everyRecorderClassIsJava8Bytecode() throws Exception {
        Path classes = Paths.get(Recorder.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());

        List<String> majors;
        try (Stream<Path> files = Files.walk(classes)) {
            majors = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f) + " " + major(f))
                    .collect(Collectors.toList());
        }

        assertThat(majors).hasSizeGreaterThan(5).allMatch(line -> line.endsWith(" 52"));
    }

    private static int major(Path classFile) {
        try (InputStream raw = Files.newInputStream(classFile);
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            return in.readUnsignedShort();
        } catch (IOException e) {
            return -1;
        }
    }
}
