package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HeavyClassesTest {

    @Test
    void listsEveryCulpritsClassesOnceAsSurefirePatternsHeaviestFirstByTheirOwnFigures() throws IOException {
        assertThat(text(SampleReports.full()))
                .isEqualTo("# Test classes memprobe found to kill a fork (culprits-found).\n"
                        + "# Use as Surefire's <excludesFile> in the fast job and <includesFile> in a job of its"
                        + " own.\n"
                        + "# ÜberCacheTest: kept 254 MiB (est.), needed 265 MiB, allocated 1.2 GiB\n"
                        + "com/example/shop/ÜberCacheTest.java\n"
                        + "# Inventory`Tick`Test: kept at most 1 MiB, needed at most 2 MiB, allocated n/a\n"
                        + "com/example/shop/Inventory`Tick`Test.java\n"
                        + "com/example/shop/CatalogImportTest.java\n"
                        + "com/example/shop/SearchIndexTest.java\n"
                        + "com/example/shop/Shipping Quote Test.java\n");
    }

    @Test
    void aRunWithoutCulpritsHoldsOnlyTheHeader() throws IOException {
        assertThat(text(SampleReports.empty()).lines())
                .containsExactly(
                        "# Test classes memprobe found to kill a fork (no-culprit).",
                        "# Use as Surefire's <excludesFile> in the fast job and <includesFile> in a job of its own.");
    }

    private static String text(Report report) throws IOException {
        StringWriter out = new StringWriter();
        HeavyClasses.write(report, out);
        return out.toString();
    }
}
