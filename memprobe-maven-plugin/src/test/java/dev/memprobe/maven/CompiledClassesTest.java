package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the plugin's classes are compiled, where it changes what a cold Maven JVM pays before the first fork. */
class CompiledClassesTest {

    @Test
    void noClassConcatenatesStringsThroughInvokedynamic() throws IOException, URISyntaxException {
        Path classes = Path.of(BisectMojo.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(classes).isDirectory();
        List<Path> all;
        try (Stream<Path> files = Files.walk(classes)) {
            all = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(all).hasSizeGreaterThan(100);

        // javac's default for Java 9+ is a StringConcatFactory bootstrap per concatenation site, paid the first time
        // each runs; -XDstringConcat=inline in the plugin's POM compiles them to StringBuilder code instead
        List<String> indy = all.stream()
                .filter(CompiledClassesTest::mentionsStringConcatFactory)
                .map(p -> classes.relativize(p).toString())
                .toList();
        assertThat(indy).as("classes compiled without -XDstringConcat=inline").isEmpty();
    }

    private static boolean mentionsStringConcatFactory(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains("java/lang/invoke/StringConcatFactory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
