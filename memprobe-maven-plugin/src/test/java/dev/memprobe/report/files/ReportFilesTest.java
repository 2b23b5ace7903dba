package dev.memprobe.report.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memprobe.report.JsonReportReader;
import dev.memprobe.report.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path folder;

    @Test
    void aWriterThatFailsHalfwayLeavesTheEarlierFileAsItWas() throws IOException {
        Path file = folder.resolve("report.json");
        Files.writeString(file, "{\"earlier\": true}\n");

        assertThatThrownBy(() -> ReportFiles.writeAtomically(file, out -> {
                    out.write("{\"half\": ");
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(file).hasContent("{\"earlier\": true}\n");
        assertThat(filesIn(folder)).containsExactly("report.json");
    }

    @Test
    void aWriterThatFailsHalfwayCreatesNoFile() throws IOException {
        Path file = folder.resolve("report.md");

        assertThatThrownBy(() -> ReportFiles.writeAtomically(file, out -> {
                    out.write("## memprobe");
                    throw new IllegalStateException("broken writer");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aNewFileReplacesALongerEarlierOneWhole() throws IOException {
        Path file = folder.resolve("report.md");
        Files.writeString(file, "x".repeat(10_000));

        Path written = ReportFiles.writeAtomically(file, out -> out.write("short «ü»\n"));

        assertThat(written).isEqualTo(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("short «ü»\n");
        assertThat(filesIn(folder)).containsExactly("report.md");
    }

    @Test
    void createsTheFolder() throws IOException {
        Path file = folder.resolve("target/memprobe/heavy-classes.txt");

        ReportFiles.writeAtomically(file, out -> out.write("# none\n"));

        assertThat(file).hasContent("# none");
    }

    @Test
    void theFileGetsTheSamePermissionsAsAnyNewFileInTheFolder() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(folder.resolve("reference.txt"));
        Path file = folder.resolve("report.json");

        ReportFiles.writeAtomically(file, out -> out.write("{}"));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void writesEveryFormat() throws IOException {
        List<Path> written = ReportFiles.writeAll(SampleReports.full(), folder.resolve("memprobe"));

        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "report.json",
                        "report.md",
                        "report.html",
                        "report.css",
                        "report.js",
                        "heavy-classes.txt",
                        "TEST-memprobe.xml");
        assertThat(JsonReportReader.read(Files.readString(written.get(0)))).isEqualTo(SampleReports.full());
        assertThat(filesIn(folder.resolve("memprobe")))
                .containsExactlyInAnyOrder(
                        "report.json",
                        "report.md",
                        "report.html",
                        "report.css",
                        "report.js",
                        "heavy-classes.txt",
                        "TEST-memprobe.xml");
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
