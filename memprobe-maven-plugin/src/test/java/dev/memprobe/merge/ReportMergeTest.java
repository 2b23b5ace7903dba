package dev.memprobe.merge;

import static dev.memprobe.report.SampleReport.live;
import static dev.memprobe.report.SampleReport.probe;
import static dev.memprobe.report.SampleReport.report;
import static dev.memprobe.report.SampleReport.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memprobe.report.JsonReportReader;
import dev.memprobe.report.JsonReportWriter;
import dev.memprobe.report.Report;
import dev.memprobe.report.SampleReport;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMergeTest {

    private static final String NOW = "2026-11-28T12:00:00Z";

    /** Shard 1: two plain classes, one probe. */
    private static SampleReport shard1() {
        return report().shard("1/3")
                .classes(live("com.acme.ATest", 30), live("com.acme.DTest", 40))
                .probes(probe(
                        1,
                        "the whole suite, 2 classes in Surefire's run order",
                        List.of("com.acme.ATest", "com.acme.DTest"),
                        "completed"))
                .wallMs(4_000);
    }

    /** Shard 2: a hog found in three probes, and a plain class. */
    private static SampleReport shard2() {
        return report().shard("2/3")
                .classes(
                        SampleReport.measured("com.acme.BTest", 20, 300, 60, 1),
                        SampleReport.measured("com.acme.HogTest", 250, 500, 260, 1))
                .probes(
                        probe(
                                1,
                                "the whole suite, 2 classes in Surefire's run order",
                                List.of("com.acme.BTest", "com.acme.HogTest"),
                                "died"),
                        probe(2, "does HogTest die alone?", List.of("com.acme.HogTest"), "died"),
                        probe(3, "confirm HogTest (1/1)", List.of("com.acme.HogTest"), "died"))
                .culprit(single("com.acme.HogTest", "heap-oom", List.of(2, 3)))
                .ranked("com.acme.HogTest", 200)
                .wallMs(9_000);
    }

    /** Shard 3: one plain class, one probe. */
    private static SampleReport shard3() {
        return report().shard("3/3")
                .classes(live("com.acme.CTest", 10))
                .probes(probe(1, "whole suite, 1 class in CI order", List.of("com.acme.CTest"), "completed"))
                .ranked("com.acme.CTest", 5)
                .wallMs(3_000);
    }

    private static ReportMerge.Source source(String label, SampleReport sample) {
        return new ReportMerge.Source(label, sample.build());
    }

    @Test
    void mergesThreeShardsIntoOneReportWithEveryClassOnceAndTheProbesNumberedAgain() {
        ReportMerge.Merged merged = ReportMerge.merge(
                List.of(
                        source("shard-3/report.json", shard3()),
                        source("shard-1/report.json", shard1()),
                        source("shard-2/report.json", shard2())),
                NOW);
        Report r = merged.report();

        assertThat(r.verdict()).isEqualTo("culprits-found");
        assertThat(r.summary()).isEqualTo("1 culprit: com.acme.HogTest (single, heap-oom)");
        assertThat(r.classes())
                .extracting(Report.ClassEntry::name)
                .containsExactly(
                        "com.acme.ATest", "com.acme.DTest", "com.acme.BTest", "com.acme.HogTest", "com.acme.CTest");
        assertThat(r.probes()).extracting(Report.ProbeEntry::id).containsExactly(1, 2, 3, 4, 5);
        assertThat(r.probes().get(2).notes()).containsExactly("probe 2 of shard 2/3");
        assertThat(r.probes().get(2).purpose()).isEqualTo("does HogTest die alone?");
        assertThat(r.culprits()).singleElement().satisfies(c -> {
            assertThat(c.victim()).isEqualTo("com.acme.HogTest");
            assertThat(c.probes()).containsExactly(3, 4);
        });
        assertThat(r.classes())
                .extracting(Report.ClassEntry::name, Report.ClassEntry::probe)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("com.acme.ATest", 1),
                        org.assertj.core.groups.Tuple.tuple("com.acme.DTest", 1),
                        org.assertj.core.groups.Tuple.tuple("com.acme.BTest", 2),
                        org.assertj.core.groups.Tuple.tuple("com.acme.HogTest", 2),
                        org.assertj.core.groups.Tuple.tuple("com.acme.CTest", 5));
        assertThat(r.ranking())
                .extracting(Report.RankEntry::name)
                .containsExactly("com.acme.HogTest", "com.acme.CTest");
        assertThat(r.totals()).isEqualTo(new Report.Totals(5, 5, 5, 1_000 + 6_000 + 1_000, 16_000));
        assertThat(r.settings().shard()).isEqualTo("merged 3 shards");
        assertThat(r.settings().maxHeapBytes()).isEqualTo(256L << 20);
        assertThat(r.generatedAt()).isEqualTo(NOW);
        assertThat(merged.notes()).isEmpty();
    }

    @Test
    void writesTheMergedReportAsEveryOtherReport() throws Exception {
        Report r = ReportMerge.merge(List.of(source("a", shard1()), source("b", shard2()), source("c", shard3())), NOW)
                .report();
        StringWriter json = new StringWriter();
        JsonReportWriter.write(r, json);

        assertThat(JsonReportReader.read(json.toString())).isEqualTo(r);
    }

    @Test
    void saysNoCulpritWhenNoShardHasOneAndInconclusiveWhenOneShardIs() {
        Report clean = ReportMerge.merge(List.of(source("a", shard1()), source("c", shard3())), NOW)
                .report();
        Report unsure = ReportMerge.merge(
                        List.of(
                                source("a", shard1()),
                                source(
                                        "c",
                                        shard3().verdict("inconclusive")
                                                .finding(
                                                        "probe-budget-exhausted",
                                                        "The probe budget ran out.",
                                                        List.of("com.acme.CTest")))),
                        NOW)
                .report();

        assertThat(clean.verdict()).isEqualTo("no-culprit");
        assertThat(clean.summary()).isEqualTo("No memory failure: all 3 classes ran under -Xmx256m.");
        assertThat(unsure.verdict()).isEqualTo("inconclusive");
        assertThat(unsure.summary()).isEqualTo("Inconclusive: The probe budget ran out.");
        assertThat(unsure.findings()).hasSize(1);
    }

    @Test
    void namesTheShardsThatAreMissing() {
        ReportMerge.Merged merged = ReportMerge.merge(List.of(source("a", shard1()), source("c", shard3())), NOW);

        assertThat(merged.report().settings().shard()).isEqualTo("merged 2 of 3 shards");
        assertThat(merged.notes()).containsExactly("shard 2/3 is missing: its classes are in no report");
    }

    @Test
    void refusesShardsMadeWithDifferentLimitsListingEveryDifference() {
        assertThatThrownBy(() -> ReportMerge.merge(
                        List.of(
                                source("shard-1/report.json", shard1()),
                                source(
                                        "shard-2/report.json",
                                        shard2().maxHeapMiB(512).strategy("batches")),
                                source(
                                        "shard-3/report.json",
                                        shard3().memoryLimitMiB(1024).exactRetained(true))),
                        NOW))
                .isInstanceOf(ReportMerge.MergeException.class)
                .hasMessage("memprobe cannot merge these 3 reports (shard-1/report.json, shard-2/report.json,"
                        + " shard-3/report.json):\n"
                        + "  - maxHeap differs: 256 MiB in shard-1/report.json, shard-3/report.json; 512 MiB in"
                        + " shard-2/report.json\n"
                        + "  - memoryLimit differs: none in shard-1/report.json, shard-2/report.json; 1 GiB in"
                        + " shard-3/report.json\n"
                        + "  - strategy differs: bisect in shard-1/report.json, shard-3/report.json; batches in"
                        + " shard-2/report.json\n"
                        + "  - exactRetained differs: false in shard-1/report.json, shard-2/report.json; true in"
                        + " shard-3/report.json");
    }

    @Test
    void refusesReportsOfOtherProjectsOrMemprobeVersions() {
        assertThatThrownBy(() -> ReportMerge.merge(
                        List.of(
                                source("a", shard1()),
                                source("b", shard2().project("com.acme:other").toolVersion("0.2.0"))),
                        NOW))
                .hasMessageContaining("  - project differs: com.acme:shop in a; com.acme:other in b")
                .hasMessageContaining("  - memprobe version differs: 0.1.0-SNAPSHOT in a; 0.2.0 in b");
    }

    @Test
    void notesButAcceptsArgLinesThatDifferAsPathsOnCiMachinesDo() {
        ReportMerge.Merged merged = ReportMerge.merge(
                List.of(
                        source("a", shard1().argLine("-javaagent:/builds/1/jacoco.jar")),
                        source("c", shard3().argLine("-javaagent:/builds/2/jacoco.jar"))),
                NOW);

        assertThat(merged.notes())
                .contains(
                        "argLine differs: -javaagent:/builds/1/jacoco.jar in a; -javaagent:/builds/2/jacoco.jar in c");
    }

    @Test
    void refusesTheSameShardTwice() {
        assertThatThrownBy(() -> ReportMerge.merge(
                        List.of(
                                source("run-1/shard-1/report.json", shard1()),
                                source("run-2/shard-1/report.json", shard1()),
                                source("shard-3/report.json", shard3())),
                        NOW))
                .isInstanceOf(ReportMerge.MergeException.class)
                .hasMessageEndingWith("  - shard 1/3 is there 2 times: run-1/shard-1/report.json,"
                        + " run-2/shard-1/report.json; pass each shard's report once");
    }

    @Test
    void refusesAClassInTwoShards() {
        assertThatThrownBy(() -> ReportMerge.merge(
                        List.of(source("a", shard1()), source("c", shard3().classes(live("com.acme.ATest", 30)))), NOW))
                .hasMessageEndingWith("  - a class is in more than one shard: com.acme.ATest (a, c); the shards"
                        + " were not cut from one test set: give every shard job the same test classes,"
                        + " memprobe.testFile and memprobe.shardBalance");
    }

    @Test
    void refusesShardsOfDifferentCounts() {
        assertThatThrownBy(() ->
                        ReportMerge.merge(List.of(source("a", shard1()), source("b", shard3().shard("2/4"))), NOW))
                .hasMessageContaining("  - shards of different counts: 1/3 in a, 2/4 in b; every shard job must use"
                        + " the same n in memprobe.shard=i/n");
    }

    @Test
    void refusesReportsThatAreNotShardReports() {
        assertThatThrownBy(() -> ReportMerge.merge(
                        List.of(
                                source("a", shard1()),
                                source("whole/report.json", shard3().shard(null)),
                                source("merged/report.json", shard3().shard("merged 3 shards"))),
                        NOW))
                .hasMessageContaining("  - whole/report.json was made without memprobe.shard: merge takes the"
                        + " reports of the shards of one run (memprobe:bisect -Dmemprobe.shard=i/n)")
                .hasMessageContaining("  - merged/report.json is not the report of one shard (its settings.shard is"
                        + " \"merged 3 shards\"): merge the shards' own reports");
    }

    @Test
    void refusesAReportWhoseCulpritRefersToAProbeItDoesNotHave() {
        assertThatThrownBy(() -> ReportMerge.merge(
                        List.of(source("a", shard1().culprit(single("com.acme.DTest", "heap-oom", List.of(7))))), NOW))
                .hasMessageEndingWith("  - a: culprit com.acme.DTest refers to probe 7, which is not in its probes;"
                        + " the report is damaged: make it again");
    }

    @Test
    void refusesNothing() {
        assertThatThrownBy(() -> ReportMerge.merge(List.of(), NOW)).hasMessage("there are no reports to merge");
    }
}
