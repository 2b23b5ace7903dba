package dev.memprobe.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed reports for the writers' tests. Every field is set; the names hold what breaks naive writers: non-ASCII
 * characters, spaces, quotes, backticks, {@code |}, Markdown and HTML.
 */
final class Reports {

    static final String IMPORT = "com.example.shop.CatalogImportTest";
    static final String SEARCH = "com.example.shop.SearchIndexTest";
    static final String CACHE = "com.example.shop.ÜberCacheTest";
    static final String TICK = "com.example.shop.Inventory`Tick`Test";
    static final String SPACED = "com.example.shop.Shipping Quote Test";
    static final String PIPE = "com.example.shop.Money|Test";
    static final String SCRIPT_METHOD = "imports 10 000 rows | <script>alert(\"x\")</script>";

    private Reports() {}

    /** A report with three culprits, a finding, and every field populated. */
    static Report full() {
        Map<String, Long> retained = new LinkedHashMap<>();
        retained.put(CACHE, 268_435_456L);
        retained.put(TICK, 104_857_600L);
        List<Report.CulpritEntry> culprits = List.of(
                new Report.CulpritEntry(
                        "single",
                        List.of(IMPORT),
                        IMPORT,
                        List.of(),
                        Map.of(),
                        "heap-oom",
                        true,
                        null,
                        SCRIPT_METHOD,
                        List.of(
                                "java.lang.OutOfMemoryError: Java heap space in #importsAll",
                                "live heap 498 MiB of 512 MiB after GC; *not* _a_ [link](x) & `code` ~~struck~~"),
                        2,
                        2,
                        List.of(1, 2, 5),
                        List.of(
                                "CatalogImportTest needs more heap than the fork has on its own.",
                                "Exclude the classes in target/memprobe/heavy-classes.txt.")),
                new Report.CulpritEntry(
                        "cumulative",
                        List.of(CACHE, TICK, SEARCH),
                        SEARCH,
                        List.of(CACHE, TICK),
                        retained,
                        "memory-limit",
                        true,
                        137,
                        "finds \"everything\" | fast",
                        List.of("RSS 1.1 GiB > memprobe.memoryLimit 1 GiB; memprobe killed the fork with SIGKILL"),
                        3,
                        3,
                        List.of(1, 3, 4, 6),
                        List.of("The polluters keep memory after they finish.")),
                new Report.CulpritEntry(
                        "intermittent",
                        List.of(SPACED),
                        SPACED,
                        List.of(),
                        Map.of(),
                        "gc-overhead",
                        true,
                        1,
                        null,
                        List.of("GC overhead limit exceeded in 1 of 3 runs"),
                        1,
                        3,
                        List.of(7, 8, 9),
                        List.of("Shipping Quote Test does not fail every time.")));
        List<Report.FindingEntry> findings = List.of(new Report.FindingEntry(
                "probe-budget-exhausted",
                "maxProbes=20 ran out | before <all> classes ran; raise memprobe.maxProbes",
                List.of(PIPE, SPACED)));
        List<Report.ClassEntry> classes = List.of(
                new Report.ClassEntry(
                        CACHE,
                        "passed",
                        12,
                        0,
                        0,
                        1,
                        4_210,
                        301_989_888,
                        281_018_368,
                        20_971_520,
                        268_435_456,
                        295_698_432,
                        612_368_384,
                        8_192,
                        41_943_040,
                        23,
                        1_288_490_188,
                        14,
                        1,
                        null),
                new Report.ClassEntry(
                        TICK,
                        "failed",
                        3,
                        1,
                        0,
                        0,
                        950,
                        136_314_880,
                        115_343_360,
                        10_485_760,
                        -1,
                        120_586_240,
                        -1,
                        -1,
                        40_894_464,
                        19,
                        -1,
                        3,
                        1,
                        "expected: <2> but was: <3>"),
                new Report.ClassEntry(
                        SEARCH,
                        "died",
                        0,
                        0,
                        0,
                        0,
                        -1,
                        520_093_696,
                        503_316_480,
                        -1,
                        -1,
                        -1,
                        1_181_116_006,
                        -1,
                        -1,
                        -1,
                        -1,
                        -1,
                        1,
                        "killed by memprobe's memory limit: RSS \"1.1 GiB\"\nover 1 GiB"),
                new Report.ClassEntry(
                        IMPORT,
                        "memory-error",
                        4,
                        0,
                        1,
                        0,
                        61_250,
                        536_870_912,
                        522_190_848,
                        419_430_400,
                        -1,
                        530_579_456,
                        791_674_880,
                        0,
                        44_040_192,
                        21,
                        9_663_676_416L,
                        87,
                        2,
                        "java.lang.OutOfMemoryError: Java heap space"),
                new Report.ClassEntry(
                        PIPE,
                        "passed",
                        7,
                        0,
                        0,
                        0,
                        12,
                        52_428_800,
                        -1,
                        -1,
                        -1,
                        50_331_648,
                        -1,
                        -1,
                        -1,
                        17,
                        4_096,
                        0,
                        1,
                        null));
        List<Report.ProbeEntry> probes = List.of(
                new Report.ProbeEntry(
                        1,
                        "the whole set, in CI order",
                        List.of(CACHE, TICK, PIPE, SEARCH),
                        "died",
                        "memory-limit",
                        137,
                        SEARCH,
                        "finds \"everything\" | fast",
                        "RSS 1.1 GiB > memprobe.memoryLimit 1 GiB",
                        125_000,
                        -1,
                        -1,
                        List.of("near the limit: G1 Old Gen held 498 MiB of 512 MiB")),
                new Report.ProbeEntry(
                        2,
                        "CatalogImportTest alone",
                        List.of(IMPORT),
                        "memory-error",
                        "heap-oom",
                        null,
                        IMPORT,
                        SCRIPT_METHOD,
                        "java.lang.OutOfMemoryError: Java heap space",
                        61_900,
                        -1,
                        -1,
                        List.of()),
                new Report.ProbeEntry(
                        3,
                        "SearchIndexTest after <ÜberCacheTest> | `Tick`",
                        List.of(CACHE, TICK, SEARCH),
                        "completed",
                        null,
                        null,
                        null,
                        null,
                        null,
                        59_950,
                        -1,
                        -1,
                        List.of()));
        List<Report.RankEntry> ranking =
                List.of(new Report.RankEntry(CACHE, 268_435_456), new Report.RankEntry(TICK, 104_857_600));
        Report.Settings settings = new Report.Settings(
                536_870_912,
                1_073_741_824,
                600_000,
                "bisect",
                10,
                false,
                2,
                20,
                1,
                "src/test/heavy tests.txt",
                "2/4",
                "-Xss1m -Dgreeting=\"hello world\" -Dpath=C:\\temp",
                "filesystem",
                -1,
                true);
        Report.EnvironmentInfo environment = new Report.EnvironmentInfo(
                "17.0.15 (Debian)",
                "21.0.2 (Eclipse Adoptium)",
                "Linux 6.1.0 (amd64)",
                2,
                17_179_869_184L,
                4_294_967_296L,
                "v2",
                1_073_741_824,
                "3.6.1",
                "3.9.11");
        return new Report(
                Report.SCHEMA_VERSION,
                "0.1.0",
                "2026-11-28T09:30:00Z",
                "com.example:shop «Ünïcode» \"quoted\"",
                "culprits-found",
                "3 culprits: " + IMPORT + " (single, heap-oom); " + SEARCH
                        + " after ÜberCacheTest + Inventory`Tick`Test" + " (cumulative, memory-limit); " + SPACED
                        + " (intermittent, gc-overhead, 1 of 3 runs)",
                culprits,
                findings,
                classes,
                probes,
                ranking,
                settings,
                environment,
                new Report.Totals(40, 38, 9, 246_850, 251_000));
    }

    /** A report of a run that found nothing, with every optional value left out. */
    static Report empty() {
        return new Report(
                Report.SCHEMA_VERSION,
                "0.1.0",
                "2026-11-28T09:30:00Z",
                null,
                "no-culprit",
                "No memory failure: all 0 classes ran.",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                new Report.Settings(-1, -1, -1, "bisect", 10, true, 1, 50, 1, null, null, null, null, -1, false),
                new Report.EnvironmentInfo(null, null, null, 1, -1, -1, "none", -1, null, null),
                new Report.Totals(0, 0, 0, 0, 0));
    }
}
