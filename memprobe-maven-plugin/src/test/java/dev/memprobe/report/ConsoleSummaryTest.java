package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void printsTheVerdictEachCulpritWithItsFirstEvidenceWhatHoldsItTheFindingsAndWhereTheReportsAre() {
        assertThat(ConsoleSummary.lines(SampleReports.full(), "target/memprobe"))
                .containsExactly(
                        "memprobe: 3 culprits (38 of 40 classes run, 9 probes, 4 min 11 s)",
                        "  SINGLE  com.example.shop.CatalogImportTest  heap-oom in #" + SampleReports.SCRIPT_METHOD,
                        "      java.lang.OutOfMemoryError: Java heap space in #importsAll",
                        "      holds: frame main com.example.shop.CatalogImportTest.importsAll(CatalogImportTest.java:42)"
                                + " → java.util.ArrayList (2000000 entries) → 2,000,000 × com.example.shop.Row: 496 MiB"
                                + " (98% of the heap at the OutOfMemoryError)",
                        "  CUMULATIVE  com.example.shop.SearchIndexTest after ÜberCacheTest + Inventory`Tick`Test"
                                + "  memory-limit in #finds \"everything\" | fast",
                        "      RSS 1.1 GiB > memprobe.memoryLimit 1 GiB; memprobe killed the fork with SIGKILL",
                        "      holds: static com.example.shop.Prices.ENTRIES → java.util.HashMap (40 entries)"
                                + " → 40 × byte[]: 249 MiB (97% of what ÜberCacheTest kept)",
                        "  INTERMITTENT  com.example.shop.Shipping Quote Test  gc-overhead  (1 of 3 runs)",
                        "      GC overhead limit exceeded in 1 of 3 runs",
                        "  maxProbes=20 ran out | before <all> classes ran; raise memprobe.maxProbes",
                        "  Reports: target/memprobe/report.html (also report.md, report.json)");
    }

    @Test
    void aRunWithoutCulpritsSaysSoInTwoLines() {
        assertThat(ConsoleSummary.lines(SampleReports.empty(), "/ci/build/target/memprobe"))
                .containsExactly(
                        "memprobe: no culprit (0 of 0 classes run, 0 probes, 0 ms)",
                        "  Reports: /ci/build/target/memprobe/report.html (also report.md, report.json)");
    }
}
