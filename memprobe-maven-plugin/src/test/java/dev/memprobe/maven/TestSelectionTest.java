package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestSelectionTest {

    private static final List<String> TEST_SET = List.of(
            "com.acme.ImportCsvTest",
            "com.acme.ImportXmlTest",
            "com.acme.sub.ImportJsonTest",
            "com.acme.ExportTest",
            "com.acme.Über$Test");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            com.acme.ExportTest                      | com.acme.ExportTest
            com.acme.Über$Test                       | com.acme.Über$Test
            **/Import*Test.java                      | com.acme.ImportCsvTest,com.acme.ImportXmlTest,com.acme.sub.ImportJsonTest
            com/acme/Import*Test                     | com.acme.ImportCsvTest,com.acme.ImportXmlTest
            %regex[.*Json.*]                         | com.acme.sub.ImportJsonTest
            com.acme.ExportTest#exports              | com.acme.ExportTest
            """)
    void selectsByClassNameOrSurefirePattern(String entry, String expected) throws Exception {
        assertThat(selection(entry).apply(TEST_SET)).containsExactly(expected.split(","));
    }

    @Test
    void keepsTheTestSetsOrderNotTheFiles() throws Exception {
        TestSelection file = selection("com.acme.ExportTest", "**/ImportXml*", "com.acme.ImportCsvTest");

        assertThat(file.apply(TEST_SET))
                .containsExactly("com.acme.ImportCsvTest", "com.acme.ImportXmlTest", "com.acme.ExportTest");
    }

    @Test
    void aClassNamedTwiceAndByAPatternIsSelectedOnceAndNoEntryIsReported() throws Exception {
        TestSelection file = selection("com.acme.ExportTest", "com.acme.ExportTest", "**/Export*");

        assertThat(file.apply(TEST_SET)).containsExactly("com.acme.ExportTest");
    }

    @Test
    void aClassNameSelectsThatClassOnlyNotOthersThatStartAlike() throws Exception {
        List<String> set = List.of("com.acme.FooTest", "com.acme.FooTestTwo", "com.acme.FooTest2");

        assertThat(selection("com.acme.FooTest").apply(set)).containsExactly("com.acme.FooTest");
    }

    @Test
    void namesEveryEntryThatSelectsNothing() throws Exception {
        TestSelection file = selection("com.acme.ExportTest", "com.acme.ExprtTest", "**/Nothing*.java");

        assertThatThrownBy(() -> file.apply(TEST_SET))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("line 2: com.acme.ExprtTest (did you mean com.acme.ExportTest")
                .hasMessageContaining("line 3: **/Nothing*.java")
                .hasMessageNotContaining("line 1");
    }

    @Test
    @Timeout(10) // a name is looked up, not matched against every class: 5,000 x 4,000 matches took 25 s
    void selectsThousandsOfClassesNamedOneByOne() throws Exception {
        List<String> set = IntStream.range(0, 5000)
                .mapToObj(i -> String.format("it.many.p%02d.Gen%04dTest", i / 100, i))
                .toList();
        List<String> named = new ArrayList<>(set.subList(0, 4000));

        assertThat(selection(named.toArray(String[]::new)).apply(set)).isEqualTo(named);
    }

    private TestSelection selection(String... lines) throws IOException, MojoExecutionException {
        Path file = folder.resolve("memprobe-tests.txt");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return TestSelection.read(file);
    }
}
