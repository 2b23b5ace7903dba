import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes memprobe's benchmark suites as Maven projects: generated JUnit 5 suites of N classes in four shapes, and two
 * real suites from Maven Central's test jars with a planted hog of their own.
 *
 * <pre>
 * java benchmark/Generator.java OUT_DIR MEMPROBE_VERSION [N ...]
 * </pre>
 *
 * <p>Sizes are chosen for {@code -Xmx256m} (the benchmark's {@code memprobe.maxHeap}); a G1 heap of 256 MiB with a
 * JUnit fork's own ~15 MiB leaves room for this:
 *
 * <ul>
 *   <li>ordinary class: 3 to 5 tests, each a few ms to tens of ms of CPU (sorting, hashing, string building) and
 *       0.5 to 6 MiB of short-lived 64 KiB chunks; nothing retained;
 *   <li>hog: keeps 400 MiB live in one test: dies alone under 256 MiB, passes under 1 GiB (the floor);
 *   <li>polluter + victim: the polluter keeps 150 MiB in a static field, the victim needs 120 MiB live at once:
 *       either alone fits, together (~285 MiB) they do not;
 *   <li>three polluters: each keeps 60 MiB, the victim needs 90 MiB: two polluters and the victim (~225 MiB) fit,
 *       all three (~285 MiB) do not, so the 1-minimal set is all three;
 *   <li>near the limit ({@code -crawl}): one class in the middle fills a cache to 85% of the heap, then keeps 64 KiB of
 *       every 256 MiB of pages it renders, up to 480 MiB: under 256 MiB the heap reaches the point where G1 collects
 *       back to back and the class crawls, for a minute or more, until an OutOfMemoryError (unless memprobe stops it as
 *       past saving, {@code memprobe.stopOnGcOverhead}); under 1 GiB (the floor) it passes.
 * </ul>
 *
 * All chunks are 64 KiB: a 1 MiB array is humongous in a small G1 heap and would distort the numbers.
 */
public final class Generator {

    static final String JUNIT = "5.14.4";
    static final String SUREFIRE = "3.6.1";
    static final String COMPILER = "3.14.0";
    static final String RESOURCES = "3.3.1";

    static final String[] SHAPES = {"none", "hog", "polluter", "three", "crawl"};
    static final String[] WORDS = {
        "Order", "Invoice", "Cart", "Catalog", "Pricing", "Shipping", "Account", "Ledger", "Report", "Search",
        "Session", "Token", "Audit", "Schema", "Import", "Export", "Mapper", "Parser", "Render", "Quota"
    };

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java Generator.java OUT_DIR MEMPROBE_VERSION [N ...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        String version = args[1];
        List<Integer> sizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(50, 200, 800);
        }
        for (int n : sizes) {
            for (String shape : SHAPES) {
                generated(out.resolve("n" + n + "-" + shape), n, shape, version);
            }
        }
        realSuite(out.resolve("collections4"), version, Real.COLLECTIONS);
        realSuite(out.resolve("lang3"), version, Real.LANG);
        System.out.println("suites written under " + out);
    }

    /** Index of each planted class in the suite's (alphabetical) order, or -1. */
    record Plan(int hog, int polluter, int victim, int[] polluters) {
        static Plan of(int n, String shape) {
            return switch (shape) {
                case "hog", "crawl" -> new Plan(n / 2, -1, -1, new int[0]);
                case "polluter" -> new Plan(-1, n / 10, (n * 8) / 10, new int[0]);
                case "three" -> new Plan(-1, -1, (n * 8) / 10, new int[] {n / 10, (n * 3) / 10, n / 2});
                default -> new Plan(-1, -1, -1, new int[0]);
            };
        }
    }

    static void generated(Path dir, int n, String shape, String version) throws IOException {
        deleteSources(dir);
        Plan plan = Plan.of(n, shape);
        Path src = dir.resolve("src/test/java/bench");
        Files.createDirectories(src);
        List<String> culprits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = className(i);
            String body;
            if (i == plan.hog()) {
                name = name.replace("Test", shape.equals("crawl") ? "CacheHogTest" : "HogTest");
                body = shape.equals("crawl") ? crawlingHog(name, i) : hog(name, i);
                culprits.add("single bench." + name);
            } else if (i == plan.polluter()) {
                name = name.replace("Test", "PolluterTest");
                body = polluter(name, i, 150);
            } else if (contains(plan.polluters(), i)) {
                name = name.replace("Test", "PolluterTest");
                body = polluter(name, i, 60);
            } else if (i == plan.victim()) {
                name = name.replace("Test", "VictimTest");
                body = victim(name, i, shape.equals("three") ? 90 : 120);
            } else {
                body = ordinary(name, i);
            }
            write(src.resolve(name + ".java"), body);
        }
        if (plan.victim() >= 0) {
            StringBuilder line = new StringBuilder("cumulative bench." + className(plan.victim()).replace("Test", "VictimTest"));
            if (plan.polluter() >= 0) {
                line.append(" after bench.").append(className(plan.polluter()).replace("Test", "PolluterTest"));
            }
            for (int p : plan.polluters()) {
                line.append(" after bench.").append(className(p).replace("Test", "PolluterTest"));
            }
            culprits.add(line.toString());
        }
        if (shape.equals("none")) {
            write(src.resolve("ZzHeapReportTest.java"), heapReport("bench"));
        }
        write(dir.resolve("expected.txt"), culprits.isEmpty() ? "none\n" : String.join("\n", culprits) + "\n");
        write(dir.resolve("pom.xml"), pom("bench-n" + n + "-" + shape, version, "", "", "", "256m"));
        write(dir.resolve("bench.properties"), "maxHeap=256m\nfloorHeap=" + (shape.equals("none") ? "256m" : "1g") + "\n");
    }

    static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** Alphabetical order is the index order: T0001..., with a word for realism. */
    static String className(int i) {
        return String.format(Locale.ROOT, "T%04d%s%sTest", i, WORDS[i % WORDS.length], WORDS[(i * 7 + 3) % WORDS.length]);
    }

    static String ordinary(String name, int index) {
        SplittableRandom random = new SplittableRandom(index * 7919L + 17);
        int tests = 3 + random.nextInt(3);
        StringBuilder s = new StringBuilder();
        s.append(header(name));
        for (int t = 0; t < tests; t++) {
            int kind = random.nextInt(3);
            int chunks = 2 + random.nextInt(16); // 128 KiB to 1 MiB of 64 KiB chunks per round
            int rounds = 1 + random.nextInt(3);
            int work = 1_000 + random.nextInt(15_000);
            s.append("    @Test\n    void case").append(t).append("() throws Exception {\n");
            s.append("        long check = 0;\n");
            s.append("        for (int round = 0; round < ").append(rounds).append("; round++) {\n");
            s.append("            check += Work.chunks(").append(chunks).append(", round);\n");
            switch (kind) {
                case 0 -> s.append("            check += Work.sort(").append(work).append(", round);\n");
                case 1 -> s.append("            check += Work.hash(").append(work / 40 + 1).append(", round);\n");
                default -> s.append("            check += Work.text(").append(work / 8 + 1).append(", round);\n");
            }
            s.append("        }\n");
            s.append("        assertTrue(check != Long.MIN_VALUE + 7);\n    }\n\n");
        }
        s.append("}\n");
        return s.toString();
    }

    static String header(String name) {
        return "package bench;\n\n"
                + "import static org.junit.jupiter.api.Assertions.assertEquals;\n"
                + "import static org.junit.jupiter.api.Assertions.assertTrue;\n\n"
                + "import java.util.ArrayList;\n"
                + "import java.util.List;\n"
                + "import org.junit.jupiter.api.Test;\n\n"
                + "class " + name + " {\n\n";
    }

    static String hog(String name, int index) {
        return header(name)
                + "    @Test\n    void loadsEverythingAtOnce() {\n"
                + "        List<byte[]> all = new ArrayList<>();\n"
                + "        for (int i = 0; i < 400 * 16; i++) { // 400 MiB in 64 KiB chunks, all live\n"
                + "            byte[] chunk = new byte[64 * 1024];\n"
                + "            chunk[i % chunk.length] = (byte) i;\n"
                + "            all.add(chunk);\n"
                + "        }\n"
                + "        assertEquals(400 * 16, all.size());\n    }\n\n"
                + "    @Test\n    void smallCase() {\n        assertTrue(Work.sort(5000, " + index + ") != Long.MIN_VALUE + 7);\n    }\n}\n";
    }

    /**
     * Fills a cache to 85% of the heap at once, then keeps 64 KiB of every 256 MiB it renders, up to 480 MiB; no
     * 64 KiB array is humongous in a heap of 256 MiB.
     */
    static String crawlingHog(String name, int index) {
        return header(name)
                + "    /** Pages it rendered, never evicted: what a test's static cache does near the limit. */\n"
                + "    static final List<byte[]> CACHE = new ArrayList<>();\n\n"
                + "    @Test\n    void rendersEveryPage() {\n"
                + "        Runtime runtime = Runtime.getRuntime();\n"
                + "        int full = 480 * 16; // 480 MiB of 64 KiB arrays\n"
                + "        while (CACHE.size() < full && runtime.totalMemory() - runtime.freeMemory() < runtime.maxMemory() / 100 * 85) {\n"
                + "            CACHE.add(new byte[64 * 1024]);\n"
                + "        }\n"
                + "        byte[][] pages = new byte[64][];\n"
                + "        for (long page = 1; CACHE.size() < full; page++) {\n"
                + "            byte[] rendered = new byte[8 * 1024];\n"
                + "            rendered[(int) (page % rendered.length)] = (byte) page;\n"
                + "            pages[(int) (page % pages.length)] = rendered;\n"
                + "            if (page % 32768 == 0) { // 64 KiB of every 256 MiB\n"
                + "                CACHE.add(new byte[64 * 1024]);\n"
                + "            }\n"
                + "        }\n"
                + "        assertEquals(full, CACHE.size());\n    }\n\n"
                + "    @Test\n    void smallCase() {\n        assertTrue(Work.sort(5000, " + index + ") != Long.MIN_VALUE + 7);\n    }\n}\n";
    }

    static String polluter(String name, int index, int mib) {
        return header(name)
                + "    /** A cache that is never cleared: " + mib + " MiB stay for the rest of the fork. */\n"
                + "    static final List<byte[]> CACHE = new ArrayList<>();\n\n"
                + "    @Test\n    void warmsTheCache() {\n"
                + "        for (int i = 0; i < " + mib + " * 16; i++) {\n"
                + "            byte[] chunk = new byte[64 * 1024];\n"
                + "            chunk[i % chunk.length] = (byte) i;\n"
                + "            CACHE.add(chunk);\n"
                + "        }\n"
                + "        assertEquals(" + mib + " * 16, CACHE.size());\n    }\n\n"
                + "    @Test\n    void smallCase() throws Exception {\n        assertTrue(Work.hash(200, " + index + ") != Long.MIN_VALUE + 7);\n    }\n}\n";
    }

    static String victim(String name, int index, int mib) {
        return header(name)
                + "    @Test\n    void buildsTheYearlyReport() {\n"
                + "        List<byte[]> rows = new ArrayList<>();\n"
                + "        for (int i = 0; i < " + mib + " * 16; i++) { // " + mib + " MiB live at once\n"
                + "            byte[] chunk = new byte[64 * 1024];\n"
                + "            chunk[i % chunk.length] = (byte) i;\n"
                + "            rows.add(chunk);\n"
                + "        }\n"
                + "        assertEquals(" + mib + " * 16, rows.size());\n    }\n\n"
                + "    @Test\n    void smallCase() {\n        assertTrue(Work.text(500, " + index + ") != Long.MIN_VALUE + 7);\n    }\n}\n";
    }

    /**
     * The last class of a suite: after three forced collections, the heap still in use and the bytes of
     * {@code dev.memprobe.*} objects in a class histogram (DiagnosticCommand, as jcmd GC.class_histogram), appended
     * to target/bench-heap.txt with whether memprobe's provider is in this JVM.
     */
    static String heapReport(String pkg) {
        return "package " + pkg + ";\n\n"
                + "import java.lang.management.ManagementFactory;\n"
                + "import java.nio.charset.StandardCharsets;\n"
                + "import java.nio.file.Files;\n"
                + "import java.nio.file.Path;\n"
                + "import java.nio.file.StandardOpenOption;\n"
                + "import javax.management.ObjectName;\n"
                + "import org.junit.jupiter.api.Test;\n\n"
                + "/** Not a test of anything: memprobe's benchmark reads what it writes. */\n"
                + "class ZzHeapReportTest {\n\n"
                + "    @Test\n    void reportsTheHeapAfterCollection() throws Exception {\n"
                + "        boolean memprobe;\n"
                + "        try {\n"
                + "            Class.forName(\"dev.memprobe.provider.MemprobeProvider\", false, getClass().getClassLoader());\n"
                + "            memprobe = true;\n"
                + "        } catch (ClassNotFoundException e) {\n"
                + "            memprobe = false;\n"
                + "        }\n"
                + "        for (int i = 0; i < 3; i++) {\n            System.gc();\n        }\n"
                + "        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();\n"
                + "        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(\n"
                + "                new ObjectName(\"com.sun.management:type=DiagnosticCommand\"), \"gcClassHistogram\",\n"
                + "                new Object[] {new String[0]}, new String[] {String[].class.getName()});\n"
                + "        long bytes = 0;\n        long instances = 0;\n        int classes = 0;\n"
                + "        for (String line : histogram.split(\"\\n\")) {\n"
                + "            String[] f = line.trim().split(\"\\\\s+\");\n"
                + "            if (f.length >= 4 && f[3].startsWith(\"dev.memprobe.\")) {\n"
                + "                instances += Long.parseLong(f[1]);\n"
                + "                bytes += Long.parseLong(f[2]);\n"
                + "                classes++;\n"
                + "            }\n"
                + "        }\n"
                + "        String line = (memprobe ? \"memprobe\" : \"plain\") + \" heapUsedAfterGc=\" + used\n"
                + "                + \" memprobeObjectBytes=\" + bytes + \" memprobeInstances=\" + instances\n"
                + "                + \" memprobeClasses=\" + classes + \"\\n\";\n"
                + "        Path out = Path.of(System.getProperty(\"bench.heapReport\", \"target/bench-heap.txt\"));\n"
                + "        Files.createDirectories(out.toAbsolutePath().getParent());\n"
                + "        Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);\n"
                + "    }\n}\n";
    }

    static String work() {
        return "package bench;\n\n"
                + "import java.security.MessageDigest;\n"
                + "import java.util.ArrayList;\n"
                + "import java.util.Collections;\n"
                + "import java.util.List;\n"
                + "import java.util.Random;\n\n"
                + "/** The small, ordinary work of a test: CPU and short-lived allocation in 64 KiB chunks. */\n"
                + "final class Work {\n\n"
                + "    private Work() {}\n\n"
                + "    static long chunks(int count, int seed) {\n"
                + "        List<byte[]> held = new ArrayList<>();\n"
                + "        long sum = 0;\n"
                + "        for (int i = 0; i < count; i++) {\n"
                + "            byte[] chunk = new byte[64 * 1024];\n"
                + "            for (int j = 0; j < chunk.length; j += 512) {\n                chunk[j] = (byte) (i + j + seed);\n            }\n"
                + "            held.add(chunk);\n"
                + "            sum += chunk[(i * 512) % chunk.length];\n"
                + "        }\n"
                + "        return sum + held.size();\n    }\n\n"
                + "    static long sort(int size, int seed) {\n"
                + "        Random random = new Random(seed);\n"
                + "        List<Integer> values = new ArrayList<>(size);\n"
                + "        for (int i = 0; i < size; i++) {\n            values.add(random.nextInt());\n        }\n"
                + "        Collections.sort(values);\n"
                + "        return values.get(size / 2);\n    }\n\n"
                + "    static long hash(int blocks, int seed) throws Exception {\n"
                + "        MessageDigest digest = MessageDigest.getInstance(\"SHA-256\");\n"
                + "        byte[] block = new byte[4096];\n"
                + "        for (int i = 0; i < blocks; i++) {\n            block[i % block.length] = (byte) (i + seed);\n            digest.update(block);\n        }\n"
                + "        return digest.digest()[0];\n    }\n\n"
                + "    static long text(int lines, int seed) {\n"
                + "        StringBuilder s = new StringBuilder();\n"
                + "        for (int i = 0; i < lines; i++) {\n            s.append(\"line \").append(i).append(',').append(seed * 31 + i).append('\\n');\n        }\n"
                + "        return s.toString().split(\"\\n\").length;\n    }\n}\n";
    }

    // ---------------------------------------------------------------- real suites

    enum Real {
        // DefaultBloomFilterTest#testIntersectionLimit alone needs more than 512 MiB (passes at 640 MiB), and at 768 MiB
        // it failed of memory in the suite now and then (an intermittent culprit, memprobe said): 1 GiB, as the IT
        COLLECTIONS(
                "org.apache.commons", "commons-collections4", "4.5.0", "1g",
                "org.apache.commons.collections4.map",
                """
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-engine</artifactId><version>5.11.4</version><scope>test</scope></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-params</artifactId><version>5.11.4</version><scope>test</scope></dependency>
                    <dependency><groupId>org.easymock</groupId><artifactId>easymock</artifactId><version>5.5.0</version><scope>test</scope></dependency>
                    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.17.0</version><scope>test</scope></dependency>
                    <dependency><groupId>commons-io</groupId><artifactId>commons-io</artifactId><version>2.19.0</version><scope>test</scope></dependency>
                    <dependency><groupId>commons-codec</groupId><artifactId>commons-codec</artifactId><version>1.18.0</version><scope>test</scope></dependency>
                    <dependency><groupId>com.google.guava</groupId><artifactId>guava-testlib</artifactId><version>33.3.1-jre</version><scope>test</scope></dependency>
                """,
                """
                            <includes><include>**/*Test.java</include></includes>
                            <excludes>
                              <exclude>**/*$*</exclude>
                              <exclude>**/TestUtils.java</exclude>
                              <exclude>**/Abstract*.java</exclude>
                              <exclude>**/BulkTest.java</exclude>
                            </excludes>
                """,
                ""),
        // the project's own surefire argLine has -Xmx512m
        LANG(
                "org.apache.commons", "commons-lang3", "3.18.0", "512m",
                "org.apache.commons.lang3.reflect",
                """
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.13.1</version><scope>test</scope></dependency>
                    <dependency><groupId>org.junit-pioneer</groupId><artifactId>junit-pioneer</artifactId><version>1.9.1</version><scope>test</scope></dependency>
                    <dependency><groupId>org.easymock</groupId><artifactId>easymock</artifactId><version>5.6.0</version><scope>test</scope></dependency>
                    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-text</artifactId><version>1.13.1</version><scope>test</scope></dependency>
                    <dependency><groupId>org.openjdk.jmh</groupId><artifactId>jmh-core</artifactId><version>1.37</version><scope>test</scope></dependency>
                    <dependency><groupId>com.google.code.findbugs</groupId><artifactId>jsr305</artifactId><version>3.0.2</version><scope>test</scope></dependency>
                """,
                """
                            <includes><include>**/*Test.java</include></includes>
                            <excludes>
                              <exclude>**/*$*</exclude>
                            </excludes>
                """,
                "--add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED"
                        + " --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.time=ALL-UNNAMED"
                        + " --add-opens java.base/java.time.chrono=ALL-UNNAMED");

        final String groupId;
        final String artifactId;
        final String version;
        final String maxHeap;
        final String hogPackage;
        final String dependencies;
        final String selection;
        final String argLine;

        Real(String groupId, String artifactId, String version, String maxHeap, String hogPackage,
                String dependencies, String selection, String argLine) {
            this.groupId = groupId;
            this.artifactId = artifactId;
            this.version = version;
            this.maxHeap = maxHeap;
            this.hogPackage = hogPackage;
            this.dependencies = dependencies;
            this.selection = selection;
            this.argLine = argLine;
        }
    }

    static void realSuite(Path dir, String memprobeVersion, Real real) throws IOException {
        deleteSources(dir);
        String pkg = real.hogPackage;
        Path src = dir.resolve("src/test/java/" + pkg.replace('.', '/'));
        Files.createDirectories(src);
        String hogName = "LruMapExportTest";
        String hog = "package " + pkg + ";\n\n"
                + "import static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                + "import java.util.ArrayList;\n"
                + "import java.util.List;\n"
                + "import org.junit.jupiter.api.Test;\n\n"
                + "/** The planted hog of this benchmark suite: 1 GiB live in 64 KiB chunks. */\n"
                + "class " + hogName + " {\n\n"
                + "    @Test\n    void exportsEveryEntryAtOnce() {\n"
                + "        List<byte[]> all = new ArrayList<>();\n"
                + "        for (int i = 0; i < 1024 * 16; i++) {\n"
                + "            byte[] chunk = new byte[64 * 1024];\n"
                + "            chunk[i % chunk.length] = (byte) i;\n"
                + "            all.add(chunk);\n"
                + "        }\n"
                + "        assertEquals(1024 * 16, all.size());\n    }\n}\n";
        write(src.resolve(hogName + ".java"), hog);
        write(dir.resolve("expected.txt"), "single " + pkg + "." + hogName + "\n");
        String deps = "    <dependency><groupId>" + real.groupId + "</groupId><artifactId>" + real.artifactId
                + "</artifactId><version>" + real.version + "</version></dependency>\n"
                + "    <dependency><groupId>" + real.groupId + "</groupId><artifactId>" + real.artifactId
                + "</artifactId><version>" + real.version + "</version><classifier>tests</classifier>"
                + "<scope>test</scope></dependency>\n"
                + real.dependencies;
        String scan = "            <dependenciesToScan><dependency>" + real.groupId + ":" + real.artifactId
                + ":jar:tests</dependency></dependenciesToScan>\n"
                + real.selection;
        write(dir.resolve("pom.xml"), pom("bench-" + real.artifactId, memprobeVersion, deps, scan, real.argLine, real.maxHeap));
        // the floor: the same suite under a heap where the 1 GiB hog survives too
        write(dir.resolve("bench.properties"), "maxHeap=" + real.maxHeap + "\nfloorHeap=2g\n");
        write(dir.resolve("tests-jar.txt"), real.groupId.replace('.', '/') + "/" + real.artifactId + "/" + real.version
                + "/" + real.artifactId + "-" + real.version + "-tests.jar\n");
    }

    // ---------------------------------------------------------------- files

    static String pom(
            String artifactId, String memprobeVersion, String dependencies, String surefire, String argLine, String heap) {
        boolean generated = dependencies.isEmpty();
        String junit = generated ? JUNIT : dependencies.contains("5.13.1") ? "5.13.1" : "5.11.4";
        String deps = generated
                ? "    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>"
                        + JUNIT + "</version><scope>test</scope></dependency>\n"
                : dependencies;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by memprobe's benchmark/Generator.java: do not edit. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.memprobe.benchmark</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                    <!-- the floor sets the fork's heap here; memprobe appends its own -Xmx after it -->
                    <bench.argLine>-Xmx%s</bench.argLine>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <!-- as the project's parent does: one JUnit version for engine, platform and launcher -->
                      <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>%s</version><type>pom</type><scope>import</scope></dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
                        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <runOrder>alphabetical</runOrder>
                          <argLine>%s ${bench.argLine}</argLine>
                %s        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>dev.memprobe</groupId>
                        <artifactId>memprobe-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """
                .formatted(artifactId, heap, junit, deps, RESOURCES, COMPILER, SUREFIRE, argLine, surefire, memprobeVersion);
    }

    static void deleteSources(Path dir) throws IOException {
        Path src = dir.resolve("src");
        if (Files.exists(src)) {
            try (var files = Files.walk(src)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Files.createDirectories(dir);
        if (dir.getFileName().toString().startsWith("n")) {
            Path pkg = dir.resolve("src/test/java/bench");
            Files.createDirectories(pkg);
            write(pkg.resolve("Work.java"), work());
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
