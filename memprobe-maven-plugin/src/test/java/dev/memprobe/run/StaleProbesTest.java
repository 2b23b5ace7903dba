package dev.memprobe.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleProbesTest {

    @TempDir
    Path output;

    @Test
    void anEarlierRunsProbeFoldersAreGoneAndTheRestOfTheOutputFolderStays() throws IOException {
        Path probes = output.resolve("probes");
        for (int probe = 1; probe <= 7; probe++) {
            Path reports = Files.createDirectories(probes.resolve("probe-" + probe + "/surefire-reports"));
            Files.writeString(reports.resolve("TEST-a.ATest.xml"), "<testsuite/>");
            Files.writeString(probes.resolve("probe-" + probe + "/journal.jsonl"), "{}\n");
        }
        Files.writeString(output.resolve("report.json"), "{}");
        Path leftOver = Files.createDirectories(output.resolve(StaleProbes.ASIDE_PREFIX + "stopped/probe-1"));
        Files.writeString(leftOver.resolve("journal.jsonl"), "{}\n");

        try (StaleProbes stale = StaleProbes.clear(probes)) {
            // the new run's first probe folder can be made at once, beside the deletion
            assertThat(probes).doesNotExist();
            Files.createDirectories(probes.resolve("probe-1"));
        }

        try (Stream<Path> left = Files.list(output)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("probes", "report.json");
        }
        try (Stream<Path> left = Files.list(probes)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("probe-1");
        }
    }

    @Test
    void aFirstRunHasNothingToClear() throws IOException {
        try (StaleProbes stale = StaleProbes.clear(output.resolve("probes"))) {
            assertThat(output.resolve("probes")).doesNotExist();
        }
        try (Stream<Path> left = Files.list(output)) {
            assertThat(left).isEmpty();
        }
    }
}
