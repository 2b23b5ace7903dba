package dev.memprobe.report.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memprobe.report.InvalidReportException;
import dev.memprobe.report.Report;
import dev.memprobe.report.SampleReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesReadTest {

    @TempDir
    Path root;

    @Test
    void readsBackWhatItWrote() throws IOException {
        Report report = SampleReport.report()
                .classes(SampleReport.live("com.acme.ATest", 30))
                .build();

        ReportFiles.writeAll(report, root);

        assertThat(ReportFiles.read(root.resolve(ReportFormat.JSON.fileName()))).isEqualTo(report);
    }

    @Test
    void saysWhatIsWrongWithAFileThatIsNotAReport() throws IOException {
        Path notJson = Files.writeString(root.resolve("a.json"), "<html>");
        Path otherVersion = Files.writeString(root.resolve("b.json"), "{\"schemaVersion\": 2}");
        Path binary = Files.write(root.resolve("c.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        assertThatThrownBy(() -> ReportFiles.read(notJson))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageStartingWith("it is not valid JSON");
        assertThatThrownBy(() -> ReportFiles.read(otherVersion))
                .hasMessage("its schemaVersion is 2 but this memprobe reads version 1; make it again with this"
                        + " memprobe version");
        assertThatThrownBy(() -> ReportFiles.read(binary)).hasMessage("it is not UTF-8 text, so not JSON");
        assertThatThrownBy(() -> ReportFiles.read(root.resolve("missing.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void findsTheReportsInAFolderButNotTheOnesInTheOutputFolder() throws IOException {
        Path one = touch("target/shard-1/report.json");
        Path two = touch("target/shard-2/report.json");
        touch("target/shard-2/probes/probe-1/TEST-com.acme.ATest.xml");
        touch("target/memprobe/report.json");
        touch("target/shard-3/report.md");
        Path extra = touch("elsewhere/main.json");

        List<Path> found = ReportFiles.find(
                List.of(root.resolve("target"), extra, root.resolve("target/shard-1")),
                root.resolve("target/memprobe"));

        assertThat(found).containsExactly(one, two, extra);
    }

    @Test
    void namesAnEntryThatDoesNotExist() {
        assertThatThrownBy(() -> ReportFiles.find(List.of(root.resolve("nowhere")), root.resolve("out")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(root.resolve("nowhere").toString());
    }

    @Test
    void findsNothingInAFolderWithoutReports() throws IOException {
        touch("target/classes/A.class");

        assertThat(ReportFiles.find(List.of(root.resolve("target")), root.resolve("target/memprobe")))
                .isEmpty();
    }

    private Path touch(String path) throws IOException {
        Path file = root.resolve(path).toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}", StandardCharsets.UTF_8);
    }
}
