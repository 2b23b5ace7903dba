package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void printsTheVerdictEachCulpritWithItsFirstEvidenceWhatHoldsItTheFindingsAndWhereTheReportsAre() {
        assertThat(ConsoleSummary.lines(SampleReports.full(), "target/memprobe"))
                .containsExactly(
                        "memprobe: 3 culprits (38 of 40 classes run, in 9 probes, 4 min 11 s)",
                        "  culprit 1: com.example.shop.CatalogImportTest#" + SampleReports.SCRIPT_METHOD
                                + ": heap OutOfMemoryError even when it runs alone (a memory hog)",
                        "      why: java.lang.OutOfMemoryError: Java heap space in #importsAll",
                        "      holds: frame main com.example.shop.CatalogImportTest.importsAll(CatalogImportTest.java:42)"
                                + " → java.util.ArrayList (2000000 entries) → 2,000,000 × com.example.shop.Row: 496 MiB"
                                + " (98% of the heap at the OutOfMemoryError)",
                        "  culprit 2: com.example.shop.SearchIndexTest#finds \"everything\" | fast: killed by memprobe's"
                                + " memory limit, but only after ÜberCacheTest + Inventory`Tick`Test ran before it, which"
                                + " leave memory behind (cumulative)",
                        "      why: RSS 1.1 GiB > memprobe.memoryLimit 1 GiB; memprobe killed the fork with SIGKILL",
                        "      holds: static com.example.shop.Prices.ENTRIES → java.util.HashMap (40 entries)"
                                + " → 40 × byte[]: 249 MiB (97% of what ÜberCacheTest kept)",
                        "  culprit 3: com.example.shop.Shipping Quote Test: " + ReportText.cause("gc-overhead")
                                + " in 1 of 3 runs (intermittent)",
                        "      why: GC overhead limit exceeded in 1 of 3 runs",
                        "  maxProbes=20 ran out | before <all> classes ran; raise memprobe.maxProbes",
                        "  Reports: target/memprobe/report.html (also report.md, report.json, TEST-memprobe.xml)");
    }

    @Test
    void aRunWithoutCulpritsSaysSoInTwoLines() {
        assertThat(ConsoleSummary.lines(SampleReports.empty(), "/ci/build/target/memprobe"))
                .containsExactly(
                        "memprobe: no culprit (0 of 0 classes run, in 0 probes, 0 ms)",
                        "  Reports: /ci/build/target/memprobe/report.html (also report.md, report.json,"
                                + " TEST-memprobe.xml)");
    }
}
