package dev.memprobe.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailedTestTest {

    private static final String TEST = "com.acme.ImportTest";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an assertion is named by its message | false | org.opentest4j.AssertionFailedError | expected: <1> but was: <2> | at org.junit.jupiter.api.Assertions.fail(Assertions.java:1);at com.acme.ImportTest.imports(ImportTest.java:42) | ImportTest.imports:42 expected: <1> but was: <2>
            a JUnit 4 assertion too | false | java.lang.AssertionError | not empty | at org.junit.Assert.fail(Assert.java:89);at com.acme.ImportTest.imports(ImportTest.java:42) | ImportTest.imports:42 not empty
            an exception from elsewhere is shortened after » | true | java.lang.IllegalStateException | boom | at com.acme.Importer.run(Importer.java:7);at com.acme.ImportTest.imports(ImportTest.java:42) | ImportTest.imports:42 » IllegalState boom
            an exception thrown by the test itself has no » | true | java.lang.IllegalStateException | boom | at com.acme.ImportTest.imports(ImportTest.java:42) | ImportTest.imports:42 IllegalState boom
            helpers of the test class follow from the test to the throw | false | java.lang.AssertionError | no rows | at com.acme.ImportTest.check(ImportTest.java:80);at com.acme.ImportTest.imports(ImportTest.java:42) | ImportTest.imports:42->check:80 no rows
            no frame of the test class names the method | true | java.lang.NullPointerException | '' | at com.acme.Importer.run(Importer.java:7) | ImportTest.imports » NullPointer
            frames of a module and a cause after the throw | true | java.io.UncheckedIOException | disk | at java.base/java.io.File.x(File.java:3);at com.acme.ImportTest.imports(ImportTest.java:42);Caused by: java.io.IOException;at com.acme.ImportTest.other(ImportTest.java:9) | ImportTest.imports:42 » UncheckedIO disk
            """)
    void isNamedAsSurefireNamesIt(
            String description, boolean error, String type, String message, String frames, String line) {
        FailedTest test = new FailedTest(
                TEST, "imports", error, type, message, type + ": " + message + "\n\t" + frames.replace(";", "\n\t"));

        assertThat(test.surefireLine()).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource({"IllegalStateException,IllegalState", "OutOfMemoryError,OutOfMemory", "Exception,Exception"})
    void shortensTheThrowableAsSurefireDoes(String type, String shortName) {
        assertThat(FailedTest.shortName("java.lang." + type)).isEqualTo(shortName);
    }

    @org.junit.jupiter.api.Test
    void theLineInTheTestIsTheInnermostFrameOfTheTestClass() {
        FailedTest test = new FailedTest(
                TEST,
                "imports",
                false,
                "java.lang.AssertionError",
                null,
                "java.lang.AssertionError\n\tat com.acme.ImportTest.check(ImportTest.java:80)\n\tat"
                        + " com.acme.ImportTest.imports(ImportTest.java:42)\n");

        assertThat(test.lineInTest()).isEqualTo(80);
        assertThat(new FailedTest(TEST, "imports", false, null, null, "").lineInTest())
                .isEqualTo(-1);
    }
}
