package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report packages depend one way: the model and its text writers ({@code report}) on none of the others, the
 * HTML page ({@code report.html}) and the merge of shards ({@code merge}) on the model only, the files on disk
 * ({@code report.files}) on all of them. Read from the sources: no source names a package it must not use.
 */
class ReportPackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/memprobe");

    @ParameterizedTest(name = "{0} uses none of {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "report       | dev.memprobe.report.html dev.memprobe.report.files dev.memprobe.merge",
                "report/html  | dev.memprobe.report.files dev.memprobe.merge",
                "merge        | dev.memprobe.report.html dev.memprobe.report.files",
            })
    void aPackageUsesNoPackageAboveIt(String folder, String forbidden) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES.resolve(folder))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        List<String> uses = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                for (String other : forbidden.split(" ")) {
                    if (lines.get(i).contains(other + ".")) {
                        uses.add(source.getFileName() + ":" + (i + 1) + " uses " + other);
                    }
                }
            }
        }

        assertThat(sources).as("sources in %s", folder).hasSizeGreaterThan(1);
        assertThat(uses).isEmpty();
    }
}
