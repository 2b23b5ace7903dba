package dev.memprobe.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestSourcesTest {

    @TempDir
    Path repo;

    private TestSources sources() {
        return new TestSources(
                List.of(repo.resolve("shop/src/test/java"), repo.resolve("shop/src/test/kotlin")),
                repo,
                repo.resolve("shop/target/memprobe"));
    }

    private void source(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findsTheMethodsDeclarationInTheClassFile() throws IOException {
        source("shop/src/test/java/com/acme/ImportTest.java", """
                package com.acme;

                class ImportTest {
                    @Test
                    void importsTheCatalog() {
                        helper(); // importsTheCatalog() is not called here
                    }
                }
                """);

        Sources.Source s =
                sources().locate("com.acme.ImportTest", "importsTheCatalog").orElseThrow();

        assertThat(s.path()).isEqualTo("shop/src/test/java/com/acme/ImportTest.java");
        assertThat(s.line()).isEqualTo(5);
        assertThat(s.link()).isEqualTo("../../src/test/java/com/acme/ImportTest.java");
        assertThat(s.frame()).isEqualTo("com.acme.ImportTest.importsTheCatalog(ImportTest.java:5)");
    }

    @Test
    void aNestedClassIsInItsOuterClassesFileAndAKotlinTestInItsOwn() throws IOException {
        source("shop/src/test/java/com/acme/OuterTest.java", "class OuterTest {\n  class Inner {\n  }\n}\n");
        source("shop/src/test/kotlin/com/acme/KtTest.kt", "class KtTest {\n  @Test\n  fun `loads all`() {}\n}\n");

        assertThat(sources()
                        .locate("com.acme.OuterTest$Inner", null)
                        .orElseThrow()
                        .line())
                .isEqualTo(2);
        assertThat(sources().locate("com.acme.KtTest", "loads all").orElseThrow())
                .extracting(Sources.Source::path, Sources.Source::line)
                .containsExactly("shop/src/test/kotlin/com/acme/KtTest.kt", 3);
    }

    @Test
    void aClassWithoutSourceIsLeftOut() {
        assertThat(sources().locate("com.acme.Generated", "m")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"adds(int)[2],adds", "adds,adds", "'[1] x',[1] x", "importsAll(),importsAll"})
    void aMethodIsNamedAsTheSourceHasIt(String reported, String name) {
        assertThat(TestSources.name(reported)).isEqualTo(name);
    }
}
