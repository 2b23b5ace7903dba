import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cost of recording (issue 14: at most 2 % of the plain run's wall time and at most 2 MiB of heap per fork): the
 * same {@code mvn test} of a suite that {@code Generator.java} writes, in pairs, once without memprobe and once with the
 * extension and {@code -Dmemprobe.record}, the order of each pair alternating; the median of the pairs' ratios and
 * their spread. Cells: a JUnit 5 suite (Surefire {@code Generator.SUREFIRE}, the JUnit Platform) and the same suite in
 * JUnit 4 on Surefire 3.5.4's own JUnit 4 provider, each with {@code forkCount} 1 and 2; and a fifth, the noise floor and
 * the inert extension: the extension declared, recording off, against the same plain run. Each as the plugin with
 * {@code <extensions>true</extensions>} and as the lean {@code memprobe-maven-extension} artifact ({@code -lean}).
 * Real suites beside them ({@code c4j4-*}, {@code c4j5-*}): commons-collections4 4.4 (JUnit 4) on its Surefire 3.5.2
 * and 4.5.0 (JUnit 5) on the JUnit Platform, their published tests jars scanned, a run of 25 to 45 s.
 *
 * <p>The heap per fork: the suite's last class ({@code ZzHeapReportTest}, run last as {@code runOrder} is alphabetical)
 * collects three times and writes the heap in use and the bytes of {@code dev.memprobe.*} objects; the difference of
 * the medians with and without recording. With two forks, the fork that runs that class last writes it.
 *
 * <p>Compiled with {@code Generator.java} (it uses its suites' classes) and started by {@code benchmark/run.sh record}:
 *
 * <pre>
 * java -cp CLASSES RecordBench --mvn ./mvnw --repo REPO --suites DIR --out DIR --version V [--pairs 8] [--size 200] [--only j5-fc1,...]
 * </pre>
 */
public final class RecordBench {

    /** Most a cell's median ratio may be (issue 14). */
    static final double WALL_TARGET = 1.02;

    /** Most a fork's heap may grow, bytes (issue 14). */
    static final long HEAP_TARGET = 2L << 20;

    /**
     * A cell: a suite, a fork count, what its pairs compare, and how memprobe is declared: {@code lean}, the
     * {@code memprobe-maven-extension} artifact as a build extension ({@code lean.xml}), or the plugin with
     * {@code <extensions>true</extensions>} ({@code pom.xml}).
     */
    record Cell(String name, String framework, int forkCount, boolean recordOn, boolean lean) {
        String suite(int size) {
            return real(framework) != null ? "rec-" + framework : "rec-" + framework + "-n" + size;
        }

        String pom() {
            return lean ? "lean.xml" : "pom.xml";
        }

        String variant() {
            return recordOn ? "record" : "extension-off";
        }
    }

    /** One timed {@code mvn test}. */
    record Run(
            int seq,
            String cell,
            int pair,
            String variant,
            long wallMs,
            double classSeconds,
            int exit,
            boolean right,
            long heapUsed,
            long memprobeBytes,
            double load) {}

    static final List<Cell> CELLS = List.of(
            new Cell("j5-fc1", "j5", 1, true, false),
            new Cell("j5-fc2", "j5", 2, true, false),
            new Cell("j4-fc1", "j4", 1, true, false),
            new Cell("j4-fc2", "j4", 2, true, false),
            new Cell("j5-fc1-off", "j5", 1, false, false),
            new Cell("j5-fc1-lean", "j5", 1, true, true),
            new Cell("j5-fc2-lean", "j5", 2, true, true),
            new Cell("j4-fc1-lean", "j4", 1, true, true),
            new Cell("j4-fc2-lean", "j4", 2, true, true),
            new Cell("j5-fc1-lean-off", "j5", 1, false, true),
            // real suites (--size does not apply): commons-collections4 4.4 (JUnit 4, 171 classes, 70,367 tests) on its
            // Surefire 3.5.2's own JUnit 4 provider, and 4.5.0 (JUnit 5) on the JUnit Platform
            new Cell("c4j4-fc1-lean", "c4j4", 1, true, true),
            new Cell("c4j4-fc2-lean", "c4j4", 2, true, true),
            new Cell("c4j4-fc1-lean-off", "c4j4", 1, false, true),
            new Cell("c4j5-fc1-lean", "c4j5", 1, true, true),
            new Cell("c4j5-fc1-lean-off", "c4j5", 1, false, true));

    /** The real suite of a framework name, or null for Generator's suites ({@code j4}, {@code j5}). */
    static Generator.Real real(String framework) {
        return switch (framework) {
            case "c4j4" -> Generator.Real.COLLECTIONS_JUNIT4;
            case "c4j5" -> Generator.Real.COLLECTIONS;
            default -> null;
        };
    }

    /** The Surefire version a framework's suite runs on: the project's own for the real suites. */
    static String surefire(String framework) {
        return switch (framework) {
            case "j4" -> "3.5.4";
            case "c4j4" -> "3.5.2";
            default -> Generator.SUREFIRE;
        };
    }

    private static final Pattern CLASS_TIME = Pattern.compile("Tests run: \\d+.*Time elapsed: ([0-9.]+) s");
    private static final Pattern HEAP_LINE =
            Pattern.compile("(plain|memprobe) heapUsedAfterGc=(\\d+) memprobeObjectBytes=(\\d+)");

    private final Path mvn;
    private final Path repo;
    private final Path out;
    private final List<Run> runs = new ArrayList<>();
    private int seq;

    RecordBench(Path mvn, Path repo, Path out) {
        this.mvn = mvn;
        this.repo = repo;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int pairs = Integer.parseInt(options.getOrDefault("pairs", "8"));
        int size = Integer.parseInt(options.getOrDefault("size", "200"));
        Path suites = Path.of(options.getOrDefault("suites", "benchmark/target/suites")).toAbsolutePath();
        Path out = Path.of(options.getOrDefault("out", "benchmark/target/results")).toAbsolutePath();
        String version = options.get("version");
        // the real suites take about a minute a pair: only when named
        List<Cell> cells = CELLS.stream().filter(c -> real(c.framework()) == null).toList();
        if (options.containsKey("only")) {
            Set<String> only = Set.of(options.get("only").split(","));
            cells = CELLS.stream().filter(c -> only.contains(c.name())).toList();
        }
        RecordBench bench = new RecordBench(
                Path.of(options.getOrDefault("mvn", "./mvnw")).toAbsolutePath(),
                Path.of(options.get("repo")).toAbsolutePath(),
                out);
        Files.createDirectories(out);
        for (Cell first : cells.stream()
                .collect(Collectors.toMap(Cell::framework, c -> c, (a, b) -> a, LinkedHashMap::new))
                .values()) {
            Path dir = suites.resolve(first.suite(size));
            write(dir, size, first.framework(), version);
            bench.prepare(dir, real(first.framework()));
        }
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        long t0 = System.nanoTime();
        for (int pair = 1; pair <= pairs; pair++) {
            for (Cell cell : cells) {
                bench.pair(suites.resolve(cell.suite(size)), cell, pair);
                bench.writeCsv();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        String text = "## Recording's cost\n\n- started: " + started + "; took " + took.toMinutes() + " min "
                + took.toSecondsPart() + " s; " + pairs + " pairs per cell, " + size + " classes\n"
                + "- load average before: " + loadBefore + "; after: " + loadAfter + "\n\n" + bench.table(cells);
        Files.writeString(out.resolve("record.md"), text);
        System.out.println(text);
    }

    // ---------------------------------------------------------------- the suites

    /**
     * Writes the suite: Generator's ordinary classes (no culprit) and its heap report class, in JUnit 5 or JUnit 4;
     * {@code pom.xml} with memprobe as a build extension, {@code plain.xml} the same project without memprobe.
     */
    static void write(Path dir, int size, String framework, String version) throws IOException {
        Generator.deleteSources(dir); // Work.java comes with the suites named n...: this one is written below
        Generator.Real real = real(framework);
        if (real != null) {
            writeReal(dir, real, framework, version);
            return;
        }
        Path src = dir.resolve("src/test/java/bench");
        Files.createDirectories(src);
        boolean junit4 = framework.equals("j4");
        Generator.write(src.resolve("Work.java"), Generator.work());
        for (int i = 0; i < size; i++) {
            String name = Generator.className(i);
            String body = Generator.ordinary(name, i);
            Generator.write(src.resolve(name + ".java"), junit4 ? junit4(body) : body);
        }
        String heap = Generator.heapReport("bench");
        Generator.write(src.resolve("ZzHeapReportTest.java"), junit4 ? junit4(heap) : heap);
        Generator.write(dir.resolve("pom.xml"), pom(dir.getFileName().toString(), framework, version, "plugin"));
        Generator.write(dir.resolve("lean.xml"), pom(dir.getFileName().toString(), framework, version, "lean"));
        Generator.write(dir.resolve("plain.xml"), pom(dir.getFileName().toString(), framework, version, "none"));
    }

    /**
     * A real suite: the project's tests jar scanned ({@code dependenciesToScan}) with its own test dependencies, and
     * the heap report class in package {@code zz}, after the project's packages in the alphabetical run order.
     */
    static void writeReal(Path dir, Generator.Real real, String framework, String version) throws IOException {
        boolean junit4 = real.dependencies.contains("<artifactId>junit</artifactId>");
        Path src = dir.resolve("src/test/java/zz");
        Files.createDirectories(src);
        String heap = Generator.heapReport("zz");
        Generator.write(src.resolve("ZzHeapReportTest.java"), junit4 ? junit4(heap) : heap);
        String dependencies = "<dependency><groupId>" + real.groupId + "</groupId><artifactId>" + real.artifactId
                + "</artifactId><version>" + real.version + "</version></dependency>\n"
                + "<dependency><groupId>" + real.groupId + "</groupId><artifactId>" + real.artifactId
                + "</artifactId><version>" + real.version + "</version><classifier>tests</classifier>"
                + "<scope>test</scope></dependency>\n" + real.dependencies;
        String configuration = "<dependenciesToScan><dependency>" + real.groupId + ":" + real.artifactId
                + ":jar:tests</dependency></dependenciesToScan>\n" + real.selection;
        String argLine = ("-Xmx" + real.maxHeap + " " + real.argLine).trim();
        String name = dir.getFileName().toString();
        for (String memprobe : List.of("plugin", "lean", "none")) {
            String pom = pom(name, framework, version, memprobe)
                    .replace(dependency(framework), dependencies)
                    .replace("<argLine>-Xmx256m</argLine>", "<argLine>" + argLine + "</argLine>\n" + configuration);
            String file = switch (memprobe) {
                case "plugin" -> "pom.xml";
                case "lean" -> "lean.xml";
                default -> "plain.xml";
            };
            Generator.write(dir.resolve(file), pom);
        }
    }

    /** A Jupiter class of Generator's as the same class in JUnit 4. */
    static String junit4(String jupiter) {
        return jupiter.replace("import static org.junit.jupiter.api.Assertions.", "import static org.junit.Assert.")
                .replace("import org.junit.jupiter.api.Test;", "import org.junit.Test;")
                .replace("\nclass ", "\npublic class ")
                .replace("\n    void ", "\n    public void ");
    }

    /** {@code memprobe}: {@code plugin} (with extensions), {@code lean} (the extension artifact) or {@code none}. */
    static String pom(String artifactId, String framework, String version, String memprobe) {
        String dependency = dependency(framework);
        String extension = memprobe.equals("plugin")
                ? """
                      <plugin>
                        <groupId>dev.memprobe</groupId>
                        <artifactId>memprobe-maven-plugin</artifactId>
                        <version>%s</version>
                        <extensions>true</extensions>
                      </plugin>
                """.formatted(version)
                : "";
        String lean = memprobe.equals("lean")
                ? """
                    <extensions>
                      <extension>
                        <groupId>dev.memprobe</groupId>
                        <artifactId>memprobe-maven-extension</artifactId>
                        <version>%s</version>
                      </extension>
                    </extensions>
                """.formatted(version)
                : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by memprobe's benchmark/RecordBench.java: do not edit. -->
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
                  </properties>
                  <dependencies>
                    %s
                  </dependencies>
                  <build>
                %s    <plugins>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <runOrder>alphabetical</runOrder>
                          <argLine>-Xmx256m</argLine>
                        </configuration>
                      </plugin>
                %s    </plugins>
                  </build>
                </project>
                """
                .formatted(
                        artifactId,
                        dependency,
                        lean,
                        Generator.RESOURCES,
                        Generator.COMPILER,
                        surefire(framework),
                        extension);
    }

    /** The test framework's dependency of Generator's suites: JUnit 4 for {@code j4}, else Jupiter. */
    static String dependency(String framework) {
        return framework.equals("j4")
                ? "<dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version>"
                        + "<scope>test</scope></dependency>"
                : "<dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>"
                        + Generator.JUNIT + "</version><scope>test</scope></dependency>";
    }

    // ---------------------------------------------------------------- running

    /** Compiles the suite and runs it once each way, online: Surefire resolves its providers when it first runs. */
    void prepare(Path dir, Generator.Real real) throws IOException, InterruptedException {
        if (real != null) {
            testResources(dir, real);
        }
        for (List<String> args : List.of(
                List.of("-f", "plain.xml", "test"),
                List.of("test", "-Dmemprobe.record"),
                List.of("-f", "lean.xml", "test", "-Dmemprobe.record"))) {
            List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-Dmaven.repo.local=" + repo));
            command.addAll(args);
            Path log = dir.resolve("prepare.log");
            int exit = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("preparing " + dir.getFileName() + " failed: see " + log);
            }
        }
    }

    /**
     * A real suite's tests read some of their data from {@code src/test/resources} on disk, not from the classpath:
     * the tests jar's files but its classes, as {@code run.sh} unpacks them for the other plans.
     */
    void testResources(Path dir, Generator.Real real) throws IOException, InterruptedException {
        Path jar = repo.resolve(real.groupId.replace('.', '/') + "/" + real.artifactId + "/" + real.version + "/"
                + real.artifactId + "-" + real.version + "-tests.jar");
        if (!Files.exists(jar)) {
            new ProcessBuilder(mvn.toString(), "-q", "-B", "-Dmaven.repo.local=" + repo, "-f", "plain.xml",
                            "dependency:resolve")
                    .directory(dir.toFile())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        Path resources = dir.resolve("src/test/resources");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                Path file = resources.resolve(name).normalize();
                if (!file.startsWith(resources)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (var in = zip.getInputStream(entry)) {
                    Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** One pair: the plain run and the memprobe run, in an order that alternates from pair to pair. */
    void pair(Path dir, Cell cell, int pair) throws IOException, InterruptedException {
        boolean plainFirst = pair % 2 == 1;
        if (plainFirst) {
            run(dir, cell, pair, "plain");
            run(dir, cell, pair, cell.variant());
        } else {
            run(dir, cell, pair, cell.variant());
            run(dir, cell, pair, "plain");
        }
    }

    void run(Path dir, Cell cell, int pair, String variant) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                mvn.toString(), "-o", "-B", "-Dstyle.color=never", "-Dmaven.repo.local=" + repo));
        command.addAll(List.of("-f", variant.equals("plain") ? "plain.xml" : cell.pom()));
        command.add("test");
        command.add("-DforkCount=" + cell.forkCount());
        if (variant.equals("record")) {
            command.add("-Dmemprobe.record");
        }
        Path heap = dir.resolve("target/bench-heap.txt");
        Files.deleteIfExists(heap);
        int id = ++seq;
        Path log = out.resolve("logs/record/" + id + "-" + cell.name() + "-" + variant + ".log");
        Files.createDirectories(log.getParent());
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        long start = System.nanoTime();
        int exit = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start()
                .waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000L;
        String text = Files.readString(log);
        double classSeconds = 0;
        Matcher m = CLASS_TIME.matcher(text);
        while (m.find()) {
            classSeconds += Double.parseDouble(m.group(1));
        }
        boolean recorded = text.contains("memprobe: recorded surefire:test (default-test)");
        boolean right = exit == 0
                && text.contains("BUILD SUCCESS")
                && recorded == variant.equals("record")
                && !text.contains("[WARNING] memprobe: not recording")
                && !text.contains("[WARNING] memprobe: no post-mortem");
        long heapUsed = -1;
        long memprobeBytes = -1;
        if (Files.exists(heap)) {
            Matcher h = HEAP_LINE.matcher(Files.readString(heap));
            if (h.find()) {
                heapUsed = Long.parseLong(h.group(2));
                memprobeBytes = Long.parseLong(h.group(3));
                right &= h.group(1).equals(variant.equals("record") ? "memprobe" : "plain");
            }
        }
        Run run = new Run(id, cell.name(), pair, variant, wall, classSeconds, exit, right, heapUsed, memprobeBytes, load);
        runs.add(run);
        System.out.printf(
                Locale.ROOT,
                "%4d %-11s pair %d %-13s %7.1f s  classes %6.1f s  exit %d  heap %s  %s  load %.1f%n",
                id, cell.name(), pair, variant, wall / 1000.0, classSeconds, exit, mib(heapUsed),
                right ? "right" : "WRONG", load);
    }

    // ---------------------------------------------------------------- results

    String table(List<Cell> cells) {
        StringBuilder s = new StringBuilder();
        s.append("| cell | pairs | wall on/off, median (all) | target | class time on/off | heap after GC, plain"
                + " → memprobe (median) | memprobe's objects | runs right |\n");
        s.append("|---|---|---|---|---|---|---|---|\n");
        for (Cell cell : cells) {
            List<Run> mine = runs.stream().filter(r -> r.cell().equals(cell.name())).toList();
            List<Double> wall = new ArrayList<>();
            List<Double> classes = new ArrayList<>();
            for (int pair : mine.stream().mapToInt(Run::pair).distinct().toArray()) {
                Run off = find(mine, pair, "plain");
                Run on = find(mine, pair, cell.variant());
                if (off != null && on != null && off.right() && on.right()) {
                    wall.add((double) on.wallMs() / off.wallMs());
                    if (off.classSeconds() > 0) {
                        classes.add(on.classSeconds() / off.classSeconds());
                    }
                }
            }
            double plainHeap = median(mine.stream()
                    .filter(r -> r.variant().equals("plain") && r.heapUsed() > 0)
                    .mapToDouble(Run::heapUsed)
                    .toArray());
            double onHeap = median(mine.stream()
                    .filter(r -> r.variant().equals(cell.variant()) && r.heapUsed() > 0)
                    .mapToDouble(Run::heapUsed)
                    .toArray());
            double objects = median(mine.stream()
                    .filter(r -> r.variant().equals(cell.variant()) && r.memprobeBytes() >= 0)
                    .mapToDouble(Run::memprobeBytes)
                    .toArray());
            double ratio = median(wall.stream().mapToDouble(Double::doubleValue).toArray());
            boolean wallMet = !Double.isNaN(ratio) && ratio <= WALL_TARGET;
            boolean heapMet = !Double.isNaN(onHeap) && onHeap - plainHeap <= HEAP_TARGET;
            s.append("| ").append(cell.name()).append(" (").append(cell.variant()).append(") | ").append(wall.size());
            s.append(" | ").append(fmt(ratio, "%.3f")).append("x (")
                    .append(wall.stream().map(x -> fmt(x, "%.2f")).collect(Collectors.joining(" "))).append(")");
            s.append(" | ").append(wall.isEmpty() ? "–" : wallMet ? "met" : "NOT met");
            s.append(" | ").append(fmt(median(classes.stream().mapToDouble(Double::doubleValue).toArray()), "%.3f"))
                    .append("x");
            s.append(" | ").append(mib((long) plainHeap)).append(" → ").append(mib((long) onHeap)).append(" (")
                    .append(Double.isNaN(onHeap) || Double.isNaN(plainHeap)
                            ? "–"
                            : fmt((onHeap - plainHeap) / (1 << 20), "%+.2f") + " MiB, " + (heapMet ? "met" : "NOT met"))
                    .append(")");
            s.append(" | ").append(Double.isNaN(objects) ? "–" : fmt(objects / 1024, "%.0f") + " KiB");
            s.append(" | ").append(mine.stream().filter(Run::right).count()).append("/").append(mine.size());
            s.append(" |\n");
        }
        s.append("\nwall: the whole `mvn -o test`, each memprobe run over the plain run of its pair (the order alternates);"
                + " class time: the sum of Surefire's per-class `Time elapsed`; heap: `ZzHeapReportTest` after three"
                + " collections, the last class of its fork.\n");
        return s.toString();
    }

    static Run find(List<Run> runs, int pair, String variant) {
        return runs.stream()
                .filter(r -> r.pair() == pair && r.variant().equals(variant))
                .findFirst()
                .orElse(null);
    }

    void writeCsv() throws IOException {
        StringBuilder csv = new StringBuilder(
                "seq,cell,pair,variant,wallMs,classSeconds,exit,right,heapUsedAfterGc,memprobeObjectBytes,load1\n");
        for (Run r : runs) {
            csv.append(String.join(
                            ",",
                            String.valueOf(r.seq()),
                            r.cell(),
                            String.valueOf(r.pair()),
                            r.variant(),
                            String.valueOf(r.wallMs()),
                            fmt(r.classSeconds(), "%.3f"),
                            String.valueOf(r.exit()),
                            String.valueOf(r.right()),
                            String.valueOf(r.heapUsed()),
                            String.valueOf(r.memprobeBytes()),
                            fmt(r.load(), "%.2f")))
                    .append('\n');
        }
        Files.writeString(out.resolve("record-runs.csv"), csv, StandardCharsets.UTF_8);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String mib(long bytes) {
        return bytes < 0 ? "–" : fmt(bytes / (double) (1 << 20), "%.1f") + " MiB";
    }

    static String fmt(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }
}
