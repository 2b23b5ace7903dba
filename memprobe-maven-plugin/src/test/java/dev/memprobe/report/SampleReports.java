package dev.memprobe.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Reports for the writers' tests: a small realistic one with a hostile class name, and large ones. */
final class SampleReports {

    static final long MIB = 1L << 20;

    /**
     * A class name that tries everything: markup, a script that would retitle the page, an attribute break-out, an
     * ampersand, non-ASCII and spaces. No dot after the package, so its simple name is the whole hostile part.
     */
    static final String HOSTILE = "com.acme.Größe 测试 & \"quoted\" x' onmouseover=\"document['title']='pwned'\""
            + " <script>document['title']='pwned'</script>Test";

    static final String HOG = "com.example.shop.CatalogImportTest";
    static final String SEARCH = "com.example.shop.SearchIndexTest";
    static final String INVENTORY = "com.example.shop.InventoryTest";

    private SampleReports() {}

    /** Two culprits (a hog and a cumulative death of {@link #HOSTILE}), a finding, ten classes, eight probes. */
    static Report small() {
        List<Report.ClassEntry> classes = List.of(
                cls("com.example.shop.MoneyTest", "passed", 48, 31, 210, 1),
                cls(SEARCH, "passed", 118, 96, 260, 1),
                cls("com.example.shop.CartTest", "passed", 64, 40, 240, 1),
                cls(HOG, "died", 255, 251, 402, 1),
                cls(INVENTORY, "passed", 171, 160, 330, 4),
                cls("com.example.shop.DiscountRulesTest", "failed", 58, 44, 300, 4),
                cls("com.example.shop.OrderServiceTest", "passed", 88, 70, 318, 4),
                cls("com.example.shop.ShippingQuoteTest", "passed", -1, -1, -1, 4),
                cls(HOSTILE, "died", 256, 250, 440, 4),
                cls("com.example.shop.InvoiceRendererTest", "passed", 90, 52, 290, 4));
        Map<String, Long> retained = new LinkedHashMap<>();
        retained.put(SEARCH, 72 * MIB);
        retained.put(INVENTORY, 118 * MIB);
        List<Report.CulpritEntry> culprits = List.of(
                new Report.CulpritEntry(
                        "single",
                        List.of(HOG),
                        HOG,
                        List.of(),
                        Map.of(),
                        "heap-oom",
                        true,
                        null,
                        "importsTheWholeCatalog",
                        List.of(
                                "dies alone: heap OutOfMemoryError in CatalogImportTest#importsTheWholeCatalog"
                                        + " (heap peak 255 MiB of 256 MiB max)",
                                "in the suite it was class 4 to run when the fork died"),
                        2,
                        2,
                        List.of(1, 2, 3),
                        List.of(
                                "CatalogImportTest needs more heap than the fork has on its own: shrink its fixtures.",
                                "Until it is fixed: exclude the classes in target/memprobe/heavy-classes.txt.")),
                new Report.CulpritEntry(
                        "cumulative",
                        List.of(SEARCH, INVENTORY, HOSTILE),
                        HOSTILE,
                        List.of(SEARCH, INVENTORY),
                        retained,
                        "memory-limit",
                        true,
                        137,
                        "fills & <flushes>",
                        List.of(
                                "survives alone (RSS peak 290 MiB)",
                                "after SearchIndexTest + InventoryTest it dies: killed by memprobe's memory limit"
                                        + " (RSS 513 MiB > 512 MiB) <b>bold?</b>",
                                "polluters found in 3 probes; removing any one of them makes it pass"),
                        2,
                        2,
                        List.of(4, 5, 6, 7, 8),
                        List.of("The polluters keep memory after they finish: look for static caches.")));
        List<Report.ProbeEntry> probes = List.of(
                probe(1, "whole suite, 10 classes in CI order", names(classes), "died", "heap-oom", HOG, 21_400),
                probe(2, "CatalogImportTest alone", List.of(HOG), "died", "heap-oom", HOG, 6_100),
                probe(3, "confirm CatalogImportTest (1 of 1)", List.of(HOG), "died", "heap-oom", HOG, 5_900),
                probe(4, "the 6 not yet run", names(classes).subList(4, 10), "died", "memory-limit", HOSTILE, 14_800),
                probe(5, "Größe alone", List.of(HOSTILE), "completed", null, null, 4_300),
                probe(6, "does SearchIndexTest pollute it?", List.of(SEARCH, HOSTILE), "completed", null, null, 7_200),
                probe(
                        7,
                        "do 2 classes pollute it?",
                        List.of(SEARCH, INVENTORY, HOSTILE),
                        "died",
                        "memory-limit",
                        HOSTILE,
                        9_800),
                probe(
                        8,
                        "confirm (1 of 1)",
                        List.of(SEARCH, INVENTORY, HOSTILE),
                        "died",
                        "memory-limit",
                        HOSTILE,
                        9_650));
        return report(
                "culprits-found",
                "2 culprits: " + HOG + " (single, heap-oom); " + HOSTILE
                        + " after SearchIndexTest + InventoryTest (cumulative, memory-limit)",
                culprits,
                List.of(new Report.FindingEntry(
                        "near-limit",
                        "OrderServiceTest came within 5% of the heap limit <but> survived",
                        List.of("com.example.shop.OrderServiceTest"))),
                classes,
                probes,
                List.of(new Report.RankEntry(INVENTORY, 118 * MIB), new Report.RankEntry(SEARCH, 72 * MIB)),
                256 * MIB,
                512 * MIB);
    }

    /** A run where nothing died: the same classes, one probe, no culprit. */
    static Report clean() {
        Report small = small();
        return report(
                "no-culprit",
                "No memory failure: all 10 classes ran under -Xmx256m and a memory limit of 512 MiB.",
                List.of(),
                List.of(),
                small.classes(),
                small.probes().subList(0, 1),
                List.of(),
                256 * MIB,
                512 * MIB);
    }

    /** {@code n} classes with long package names and varied, repeatable measurements; one hog near the end. */
    static Report large(int n) {
        Random random = new Random(42);
        List<Report.ClassEntry> classes = new ArrayList<>();
        String hog = null;
        for (int i = 0; i < n; i++) {
            String name =
                    String.format("com.example.platform.module%02d.feature.Order%04dServiceIntegrationTest", i % 37, i);
            boolean isHog = i == n * 3 / 4;
            long heap = isHog ? 1020 : 40 + random.nextInt(500);
            long live = isHog ? 1000 : heap / 2 + random.nextInt((int) heap / 2);
            long rss = heap + 200 + random.nextInt(400);
            classes.add(cls(name, isHog ? "died" : "passed", heap, live, rss, isHog ? 2 : 1));
            hog = isHog ? name : hog;
        }
        List<Report.CulpritEntry> culprits = List.of(new Report.CulpritEntry(
                "single",
                List.of(hog),
                hog,
                List.of(),
                Map.of(),
                "heap-oom",
                true,
                null,
                "loadsEverything",
                List.of("dies alone: heap OutOfMemoryError"),
                1,
                1,
                List.of(1, 2),
                List.of("Give it a job of its own.")));
        List<String> all = names(classes);
        List<Report.ProbeEntry> probes = List.of(
                probe(1, "whole suite, " + n + " classes in CI order", all, "died", "heap-oom", hog, 1_800_000),
                probe(2, "alone", List.of(hog), "died", "heap-oom", hog, 9_000),
                probe(3, "the rest", all.subList(n * 3 / 4 + 1, n), "completed", null, null, 420_000));
        return report(
                "culprits-found",
                "1 culprit: " + hog + " (single, heap-oom)",
                culprits,
                List.of(),
                classes,
                probes,
                List.of(),
                1024 * MIB,
                2048 * MIB);
    }

    static Report withLimits(Report r, long maxHeap, long memoryLimit, long defaultMaxHeap) {
        Report.Settings s = r.settings();
        Report.EnvironmentInfo e = r.environment();
        return new Report(
                r.schemaVersion(),
                r.toolVersion(),
                r.generatedAt(),
                r.project(),
                r.verdict(),
                r.summary(),
                r.culprits(),
                r.findings(),
                r.classes(),
                r.probes(),
                r.ranking(),
                new Report.Settings(
                        maxHeap,
                        memoryLimit,
                        s.forkTimeoutMs(),
                        s.strategy(),
                        s.batchSize(),
                        s.failFast(),
                        s.confirmRuns(),
                        s.maxProbes(),
                        s.parallelProbes(),
                        s.testFile(),
                        s.shard(),
                        s.argLine(),
                        s.runOrder(),
                        -1,
                        s.exactRetained()),
                new Report.EnvironmentInfo(
                        e.mavenJdk(),
                        e.forkJdk(),
                        e.os(),
                        e.cores(),
                        e.machineMemoryBytes(),
                        e.containerMemoryLimitBytes(),
                        e.cgroup(),
                        defaultMaxHeap,
                        e.surefireVersion(),
                        e.mavenVersion()),
                r.totals());
    }

    static Report report(
            String verdict,
            String summary,
            List<Report.CulpritEntry> culprits,
            List<Report.FindingEntry> findings,
            List<Report.ClassEntry> classes,
            List<Report.ProbeEntry> probes,
            List<Report.RankEntry> ranking,
            long maxHeap,
            long memoryLimit) {
        long forkMs = probes.stream().mapToLong(Report.ProbeEntry::wallMs).sum();
        return new Report(
                Report.SCHEMA_VERSION,
                "0.1.0-SNAPSHOT",
                "2026-11-28T10:15:30Z",
                "shop",
                verdict,
                summary,
                culprits,
                findings,
                classes,
                probes,
                ranking,
                new Report.Settings(
                        maxHeap,
                        memoryLimit,
                        600_000,
                        "bisect",
                        0,
                        false,
                        1,
                        50,
                        1,
                        null,
                        null,
                        "-Dfile.encoding=UTF-8 -Dx=\"<y>\"",
                        "filesystem",
                        -1,
                        false),
                new Report.EnvironmentInfo(
                        "17.0.15 (Debian)",
                        "17.0.15 (Debian)",
                        "Linux 6.1 amd64",
                        2,
                        24L << 30,
                        4L << 30,
                        "/sys/fs/cgroup",
                        1L << 30,
                        "3.6.1",
                        "3.9.11"),
                new Report.Totals(classes.size(), classes.size(), probes.size(), forkMs, forkMs + 3_000));
    }

    static Report.ClassEntry cls(String name, String outcome, long heapMiB, long liveMiB, long rssMiB, int probe) {
        return new Report.ClassEntry(
                name,
                outcome,
                12,
                outcome.equals("failed") ? 1 : 0,
                outcome.equals("died") ? 1 : 0,
                0,
                heapMiB < 0 ? -1 : 1_000 + heapMiB * 20,
                mib(heapMiB),
                mib(liveMiB),
                mib(liveMiB / 2),
                mib(liveMiB / 3),
                mib(heapMiB / 2),
                mib(rssMiB),
                heapMiB < 0 ? -1 : 2 * MIB,
                heapMiB < 0 ? -1 : 38 * MIB,
                heapMiB < 0 ? -1 : 21,
                mib(heapMiB * 3),
                heapMiB < 0 ? -1 : 14,
                probe,
                null);
    }

    static Report.ProbeEntry probe(
            int id, String purpose, List<String> classes, String outcome, String cause, String inFlight, long ms) {
        return new Report.ProbeEntry(
                id,
                purpose,
                classes,
                outcome,
                cause,
                cause == null ? null : cause.equals("memory-limit") ? 137 : 1,
                inFlight,
                inFlight == null ? null : "fills",
                cause == null ? null : "evidence for " + inFlight,
                ms,
                -1,
                -1,
                List.of());
    }

    private static long mib(long value) {
        return value < 0 ? -1 : value * MIB;
    }

    private static List<String> names(List<Report.ClassEntry> classes) {
        return classes.stream().map(Report.ClassEntry::name).toList();
    }
}
