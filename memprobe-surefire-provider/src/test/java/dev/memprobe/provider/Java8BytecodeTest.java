package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The provider runs in the user's test JVM, which may be a Java 8: every class it ships must be Java 8 bytecode
 * (class file major version 52), whatever JDK builds it.
 */
class Java8BytecodeTest {

    private static final int JAVA_8 = 52;

    @Test
    void everyProviderClassIsJava8Bytecode() throws IOException, URISyntaxException {
        Path classes = folderOf(MemprobeProvider.class);

        List<String> newer = classesNewerThanJava8(classes);

        assertThat(count(classes)).as("class files under %s", classes).isGreaterThan(10);
        assertThat(newer).as("classes under %s above Java 8", classes).isEmpty();
    }

    @Test
    void theCheckFindsClassesCompiledForANewerJava() throws IOException, URISyntaxException {
        Path testClasses = folderOf(Java8BytecodeTest.class); // compiled with release 17

        assertThat(classesNewerThanJava8(testClasses))
                .contains("dev/memprobe/provider/Java8BytecodeTest.class (major version 61)");
    }

    static List<String> classesNewerThanJava8(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .sorted()
                    .map(f -> {
                        int major = majorVersion(f);
                        return major > JAVA_8
                                ? folder.relativize(f).toString().replace('\\', '/') + " (major version " + major + ")"
                                : null;
                    })
                    .filter(problem -> problem != null)
                    .toList();
        }
    }

    private static int majorVersion(Path classFile) {
        try (InputStream raw = Files.newInputStream(classFile);
                DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalStateException(classFile + " is not a class file");
            }
            in.readUnsignedShort(); // minor version
            return in.readUnsignedShort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + classFile, e);
        }
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".class")).count();
        }
    }

    private static Path folderOf(Class<?> type) throws URISyntaxException {
        Path location = Paths.get(
                type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(location)
                .as("%s should be loaded from a folder of classes", type)
                .isDirectory();
        return location;
    }
}
