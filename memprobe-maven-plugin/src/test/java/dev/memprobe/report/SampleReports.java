package dev.memprobe.report;

import static dev.memprobe.report.SampleReport.MIB;
import static dev.memprobe.report.SampleReport.mib;

import dev.memprobe.retain.Retainers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The reports the writers' tests share, built with {@link SampleReport}: {@link #full()} sets every field and names
 * classes that break naive writers (non-ASCII characters, spaces, quotes, backticks, {@code |}, Markdown and HTML),
 * {@link #empty()} leaves out every optional value, {@link #small()} is a realistic run with a {@link #HOSTILE} class
 * name, {@link #large(int)} has as many classes as asked.
 */
public final class SampleReports {

    /**
     * A class name that tries everything: markup, a script that would retitle the page, an attribute break-out, an
     * ampersand, non-ASCII and spaces. No dot after the package, so its simple name is the whole hostile part.
     */
    public static final String HOSTILE = "com.acme.Größe 测试 & \"quoted\" x' onmouseover=\"document['title']='pwned'\""
            + " <script>document['title']='pwned'</script>Test";

    public static final String HOG = "com.example.shop.CatalogImportTest";
    public static final String SEARCH = "com.example.shop.SearchIndexTest";
    public static final String INVENTORY = "com.example.shop.InventoryTest";
    public static final String CACHE = "com.example.shop.ÜberCacheTest";
    public static final String TICK = "com.example.shop.Inventory`Tick`Test";
    public static final String SPACED = "com.example.shop.Shipping Quote Test";
    public static final String PIPE = "com.example.shop.Money|Test";
    public static final String SCRIPT_METHOD = "imports 10 000 rows | <script>alert(\"x\")</script>";

    private SampleReports() {}

    /** What held the hog's memory: a list in a frame, at its OutOfMemoryError. */
    static Retainers hogRetainers() {
        return new Retainers(
                HOG,
                Retainers.HOG,
                new Retainers.Dump(
                        "error",
                        null,
                        "probes/probe-2/1-CatalogImportTest-error.hprof",
                        560_000_000L,
                        -1,
                        1_830,
                        2_100_000,
                        530_000_000L,
                        530_000_000L,
                        true),
                List.of(new Retainers.Path(
                        "frame main com.example.shop.CatalogImportTest.importsAll",
                        "frame",
                        1,
                        List.of(new Retainers.Hop("java.util.ArrayList", null, 2_000_000)),
                        new Retainers.Holds(2_000_000, "com.example.shop.Row", 500_000_000L),
                        520_000_000L,
                        520_000_000L,
                        0.981,
                        "frame main com.example.shop.CatalogImportTest.importsAll(CatalogImportTest.java:42)"
                                + " → java.util.ArrayList (2000000 entries) → 2,000,000 × com.example.shop.Row")),
                List.of(new Retainers.Threads(
                        "importer-N",
                        List.of("importer-0", "importer-1"),
                        2,
                        true,
                        "com.example.shop.Importer.run(Importer.java:9)",
                        "com.example.shop.CatalogImportTest.startImporters(CatalogImportTest.java:31)",
                        4096)),
                List.of(),
                List.of(),
                null);
    }

    /** What the polluters kept: a static cache, loaders pinned by a thread, direct buffers; one without a dump. */
    static List<Retainers> pollutersRetainers() {
        return List.of(
                new Retainers(
                        CACHE,
                        Retainers.POLLUTER,
                        new Retainers.Dump(
                                "end",
                                "start",
                                "probes/probe-6/2-ÜberCacheTest-end.hprof",
                                300_000_000L,
                                790,
                                1_200,
                                80_000,
                                280_000_000L,
                                268_000_000L,
                                false),
                        List.of(
                                new Retainers.Path(
                                        "static com.example.shop.Prices.ENTRIES",
                                        "static",
                                        1,
                                        List.of(new Retainers.Hop("java.util.HashMap", null, 40)),
                                        new Retainers.Holds(40, "byte[]", 260_000_000L),
                                        262_000_000L,
                                        261_000_000L,
                                        0.974,
                                        "static com.example.shop.Prices.ENTRIES → java.util.HashMap (40 entries) → 40 × byte[]")),
                        List.of(),
                        List.of(new Retainers.Loaders(
                                "com.example.shop.PluginLoader",
                                "plugins | <b>",
                                6_000,
                                6_000,
                                2_400_000,
                                List.of(
                                        "thread plugin-watcher → java.lang.Thread \"plugin-watcher\" .contextClassLoader"
                                                + " → com.example.shop.PluginLoader \"plugins | <b>\""))),
                        List.of(
                                new Retainers.Buffers(
                                        "static com.example.shop.Pool.BUFFERS",
                                        8,
                                        33_554_432,
                                        "static com.example.shop.Pool.BUFFERS → java.util.ArrayList → java.nio.DirectByteBuffer")),
                        null),
                Retainers.skipped(
                        TICK,
                        Retainers.POLLUTER,
                        null,
                        List.of(),
                        "no heap dump: the disk has 100 MiB free and a dump of a 200 MiB heap needs about 324 MiB"));
    }

    /** A report with three culprits, a finding, and every field populated. */
    public static Report full() {
        Map<String, Long> retained = new LinkedHashMap<>();
        retained.put(CACHE, 268_435_456L);
        retained.put(TICK, 104_857_600L);
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
                                SCRIPT_METHOD,
                                List.of(
                                        "java.lang.OutOfMemoryError: Java heap space in #importsAll",
                                        "live heap 498 MiB of 512 MiB after GC; *not* _a_ [link](x) & `code` ~~struck~~"),
                                2,
                                2,
                                List.of(1, 2, 5),
                                List.of(
                                        "CatalogImportTest needs more heap than the fork has on its own.",
                                        "Exclude the classes in target/memprobe/heavy-classes.txt."))
                        .withRetainers(List.of(hogRetainers())),
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
                                List.of(
                                        "RSS 1.1 GiB > memprobe.memoryLimit 1 GiB; memprobe killed the fork with SIGKILL"),
                                3,
                                3,
                                List.of(1, 3, 4, 6),
                                List.of("The polluters keep memory after they finish."))
                        .withRetainers(pollutersRetainers()),
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
                                null)
                        .withOwn(
                                new Report.Own(
                                        266_338_304,
                                        Report.Own.ESTIMATED,
                                        277_872_640,
                                        Report.Own.MEASURED,
                                        1_288_490_188,
                                        2,
                                        0,
                                        3_145_728,
                                        410,
                                        null),
                                List.of(
                                        new Report.MethodEntry("warmsTheCatalog", 1_181_116_006, 266_338_304),
                                        new Report.MethodEntry("readsBack", 107_374_182, -1))),
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
                                "expected: <2> but was: <3>")
                        .withOwn(
                                new Report.Own(
                                        1_048_576,
                                        Report.Own.AT_MOST,
                                        2_097_152,
                                        Report.Own.AT_MOST,
                                        -1,
                                        0,
                                        -1,
                                        -1,
                                        -1,
                                        "no garbage collection ran while it ran or after it: it kept at most 1 MiB,"
                                                + " what the heap grew by while it ran (garbage included)"),
                                List.of()),
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
                        HOG,
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
                        List.of(HOG),
                        "memory-error",
                        "heap-oom",
                        null,
                        HOG,
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
        return SampleReport.report()
                .toolVersion("0.1.0")
                .generatedAt("2026-11-28T09:30:00Z")
                .project("com.example:shop «Ünïcode» \"quoted\"")
                .summary("3 culprits: " + HOG + " (single, heap-oom); " + SEARCH
                        + " after ÜberCacheTest + Inventory`Tick`Test" + " (cumulative, memory-limit); " + SPACED
                        + " (intermittent, gc-overhead, 1 of 3 runs)")
                .culprits(culprits)
                .finding(
                        "probe-budget-exhausted",
                        "maxProbes=20 ran out | before <all> classes ran; raise memprobe.maxProbes",
                        List.of(PIPE, SPACED))
                .classes(classes)
                .probes(probes)
                .ranked(CACHE, 256)
                .ranked(TICK, 100)
                .settings(settings)
                .environment(environment)
                .totals(new Report.Totals(40, 38, 9, 246_850, 251_000))
                .build();
    }

    /** A report of a run that found nothing, with every optional value left out. */
    public static Report empty() {
        return SampleReport.report()
                .toolVersion("0.1.0")
                .generatedAt("2026-11-28T09:30:00Z")
                .project(null)
                .summary("No memory failure: all 0 classes ran.")
                .probes()
                .settings(new Report.Settings(
                        -1, -1, -1, "bisect", 10, true, 1, 50, 1, null, null, null, null, -1, false))
                .environment(new Report.EnvironmentInfo(null, null, null, 1, -1, -1, "none", -1, null, null))
                .totals(new Report.Totals(0, 0, 0, 0, 0))
                .build();
    }

    /** Two culprits (a hog and a cumulative death of {@link #HOSTILE}), a finding, ten classes, eight probes. */
    public static Report small() {
        return smallRun().build();
    }

    /** {@link #small()} still to be built: a test changes what it is about, its limits say. */
    public static SampleReport smallRun() {
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
                probe(
                        1,
                        "the whole suite, 10 classes in Surefire's run order",
                        names(classes),
                        "died",
                        "heap-oom",
                        HOG,
                        21_400),
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
        return shop().summary("2 culprits: " + HOG + " (single, heap-oom); " + HOSTILE
                        + " after SearchIndexTest + InventoryTest (cumulative, memory-limit)")
                .culprits(culprits)
                .finding(
                        "near-limit",
                        "OrderServiceTest came within 5% of the heap limit <but> survived",
                        List.of("com.example.shop.OrderServiceTest"))
                .classes(classes)
                .probes(probes)
                .ranked(INVENTORY, 118)
                .ranked(SEARCH, 72)
                .maxHeapMiB(256)
                .memoryLimitMiB(512);
    }

    /** A run where nothing died: the same classes, one probe, no culprit. */
    public static Report clean() {
        Report small = small();
        return shop().summary("No memory failure: all 10 classes ran under -Xmx256m and a memory limit of 512 MiB.")
                .classes(small.classes())
                .probes(small.probes().subList(0, 1))
                .maxHeapMiB(256)
                .memoryLimitMiB(512)
                .build();
    }

    /** {@code n} classes with long package names and varied, repeatable measurements; one hog near the end. */
    public static Report large(int n) {
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
        return shop().summary("1 culprit: " + hog + " (single, heap-oom)")
                .culprits(culprits)
                .classes(classes)
                .probes(probes)
                .maxHeapMiB(1024)
                .memoryLimitMiB(2048)
                .build();
    }

    /**
     * The run of a small shop project as a CI job made it: its settings and machine, no entries yet and no probe
     * but those added.
     */
    public static SampleReport shop() {
        return SampleReport.report()
                .project("shop")
                .generatedAt("2026-11-28T10:15:30Z")
                .forkTimeoutMs(600_000)
                .batchSize(0)
                .argLine("-Dfile.encoding=UTF-8 -Dx=\"<y>\"")
                .environment(new Report.EnvironmentInfo(
                        "17.0.15 (Debian)",
                        "17.0.15 (Debian)",
                        "Linux 6.1 amd64",
                        2,
                        24L << 30,
                        4L << 30,
                        "/sys/fs/cgroup",
                        1L << 30,
                        "3.6.1",
                        "3.9.11"))
                .probes();
    }

    private static Report.ClassEntry cls(
            String name, String outcome, long heapMiB, long liveMiB, long rssMiB, int probe) {
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

    private static Report.ProbeEntry probe(
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

    private static List<String> names(List<Report.ClassEntry> classes) {
        return classes.stream().map(Report.ClassEntry::name).toList();
    }
}
