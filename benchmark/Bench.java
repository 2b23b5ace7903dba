import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs memprobe's benchmark on the suites that {@code Generator.java} wrote (already compiled) and writes a Markdown
 * table of ratios and medians: a plain {@code mvn test} (the floor) alternated with {@code memprobe:bisect} and the
 * seed strategies, each with one fork at a time ({@code parallelProbes=1}, what {@code auto} takes on 2 cores) and
 * with two ({@code parallelProbes=2}).
 *
 * <pre>
 * java benchmark/Bench.java --mvn ./mvnw --repo REPO --suites benchmark/target/suites --out benchmark/target/results [--plan full|quick|bisect|strategies|floor|near-limit] [--only n50-hog,...]
 * </pre>
 */
public final class Bench {


    /** @param gcStop whether memprobe stops a fork that is past saving ({@code memprobe.stopOnGcOverhead}) */
    record Variant(String strategy, String parallel, int reps, boolean gcStop) {
        String label() {
            return strategy + " p" + parallel + (gcStop ? "" : " " + NO_GC_STOP);
        }
    }

    /** The label's mark of a run with {@code -Dmemprobe.stopOnGcOverhead=false}. */
    static final String NO_GC_STOP = "no-gc-stop";

    record Suite(String name, Path dir, List<Variant> variants) {
        boolean hasCulprit() {
            return !name.endsWith("-none");
        }

        /** memprobe's max heap, and the floor's: for a suite with a culprit, a heap under which nothing dies. */
        String heap(String key) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(dir.resolve("bench.properties"))) {
                p.load(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return p.getProperty(key);
        }

        String maxHeap() {
            return heap("maxHeap");
        }

        String floorHeap() {
            return heap("floorHeap");
        }

        int reps() {
            return variants.stream().mapToInt(Variant::reps).max().orElse(0);
        }
    }

    record Run(
            String suite,
            String label,
            int rep,
            int seq,
            long wallMs,
            int exit,
            int probes,
            long forkMs,
            double setupMean,
            double bootMean,
            boolean right,
            String verdict,
            double load,
            String heap,
            int pairedFloor,
            long longestProbeMs,
            String causes) {}

    private final Path mvn;
    private final Path repo;
    private final Path out;
    private final List<Run> runs = new ArrayList<>();
    private int seq;

    Bench(Path mvn, Path repo, Path out) {
        this.mvn = mvn;
        this.repo = repo;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path suites = Path.of(options.getOrDefault("suites", "benchmark/target/suites"));
        Path out = Path.of(options.getOrDefault("out", "benchmark/target/results"));
        Bench bench = new Bench(
                Path.of(options.getOrDefault("mvn", "./mvnw")).toAbsolutePath(),
                Path.of(options.get("repo")).toAbsolutePath(),
                out);
        List<Suite> plan = plan(suites, options.getOrDefault("plan", "full"));
        if (options.containsKey("only")) {
            Set<String> only = Set.of(options.get("only").split(","));
            plan = plan.stream().filter(s -> only.contains(s.name())).toList();
        }
        Files.createDirectories(out);
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        long t0 = System.nanoTime();
        List<Suite> done = new ArrayList<>();
        for (Suite suite : plan) {
            bench.run(suite);
            done.add(suite);
            bench.writeCsv(); // so far: a run cut short still leaves its results
            Files.writeString(out.resolve("results-so-far.md"), bench.tables(done));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        bench.writeCsv();
        String machine = bench.machine(started, took, loadBefore, loadAfter);
        Files.writeString(out.resolve("results.md"), machine + "\n" + bench.tables(plan));
        System.out.println(Files.readString(out.resolve("results.md")));
    }

    /**
     * What runs, and how often: about 45 minutes on a quiet 2-core machine ("quick": the 50-class suites with bisect
     * only, about 5; "bisect": every suite but Commons Lang, bisect one fork at a time only, about 12). The seed strategies and the 800-class suites are the expensive runs: isolated and batches run on
     * the hog suites at N = 50 and 200 and on commons-collections4 (isolated at N = 800 would take about 20 minutes:
     * its cost is one JVM per class, estimated from N = 200); the larger suites run once per setting.
     */
    static List<Suite> plan(Path suites, String kind) {
        List<Suite> plan = new ArrayList<>();
        if (kind.equals("bisect")) { // bisect one fork at a time against the floor, every suite but Commons Lang
            for (String shape : new String[] {"none", "hog", "polluter", "three"}) {
                plan.add(suite(suites, "n50-" + shape, v("bisect", "1", 2)));
                plan.add(suite(suites, "n200-" + shape, v("bisect", "1", 2)));
                plan.add(suite(suites, "n800-" + shape, v("bisect", "1", 1)));
            }
            plan.add(suite(suites, "collections4", v("bisect", "1", 1)));
            return plan;
        }
        if (kind.equals("strategies")) { // the seed toolkit's runners against bisect and the floor, one suite each
            plan.add(suite(suites, "n200-hog", v("bisect", "1", 2), v("batches", "2", 1), v("isolated", "2", 1)));
            plan.add(suite(suites, "collections4", v("bisect", "1", 1), v("batches", "2", 1), v("isolated", "2", 1)));
            return plan;
        }
        if (kind.equals("near-limit")) { // a class that makes G1 crawl: memprobe's GC overhead stop against none
            plan.add(suite(suites, "n200-crawl", v("bisect", "1", 2), noGcStop("bisect", "1", 2)));
            return plan;
        }
        if (kind.equals("floor")) { // no culprit: more pairs, to see a 5% difference through the noise
            plan.add(suite(suites, "n50-none", v("bisect", "1", 8)));
            plan.add(suite(suites, "n200-none", v("bisect", "1", 8)));
            plan.add(suite(suites, "n800-none", v("bisect", "1", 8)));
            return plan;
        }
        if (kind.equals("quick")) {
            for (String shape : new String[] {"none", "hog", "polluter", "three"}) {
                plan.add(suite(suites, "n50-" + shape, v("bisect", "1", 1), v("bisect", "2", 1)));
            }
            return plan;
        }
        plan.add(suite(suites, "n200-hog", v("bisect", "1", 1), v("bisect", "2", 2), v("batches", "2", 1),
                v("isolated", "2", 1)));
        plan.add(suite(suites, "n200-none", v("bisect", "1", 3), v("bisect", "2", 2)));
        plan.add(suite(suites, "n50-none", v("bisect", "1", 3), v("bisect", "2", 2)));
        plan.add(suite(suites, "n50-hog", v("bisect", "1", 1), v("bisect", "2", 1), v("batches", "1", 1),
                v("isolated", "2", 1)));
        plan.add(suite(suites, "n50-polluter", v("bisect", "1", 1), v("bisect", "2", 1)));
        plan.add(suite(suites, "n50-three", v("bisect", "1", 1), v("bisect", "2", 1)));
        plan.add(suite(suites, "n200-polluter", v("bisect", "1", 1), v("bisect", "2", 1)));
        plan.add(suite(suites, "n200-three", v("bisect", "1", 1), v("bisect", "2", 1)));
        plan.add(suite(suites, "collections4", v("bisect", "1", 1), v("bisect", "2", 1), v("batches", "2", 1),
                v("isolated", "2", 1)));
        plan.add(suite(suites, "n800-none", v("bisect", "1", 1)));
        plan.add(suite(suites, "n800-hog", v("bisect", "1", 1), v("bisect", "2", 1)));
        plan.add(suite(suites, "n800-three", v("bisect", "1", 1), v("bisect", "2", 1)));
        plan.add(suite(suites, "lang3", v("bisect", "2", 1)));
        plan.add(suite(suites, "n800-polluter", v("bisect", "1", 1), v("bisect", "2", 1)));
        return plan;
    }

    static Variant v(String strategy, String parallel, int reps) {
        return new Variant(strategy, parallel, reps, true);
    }

    /** A variant with memprobe's GC overhead stop off: a fork past saving crawls on to its end. */
    static Variant noGcStop(String strategy, String parallel, int reps) {
        return new Variant(strategy, parallel, reps, false);
    }

    static Suite suite(Path suites, String name, Variant... variants) {
        return new Suite(name, suites.resolve(name), List.of(variants));
    }

    // ---------------------------------------------------------------- running

    /** Per repetition: floor, variant, floor, variant, ... so that every memprobe run has a floor run beside it. */
    void run(Suite suite) throws IOException, InterruptedException {
        Expected expected = Expected.read(suite.dir().resolve("expected.txt"));
        for (int rep = 1; rep <= suite.reps(); rep++) {
            for (Variant variant : suite.variants()) {
                if (variant.reps() < rep) {
                    continue;
                }
                Run floor = floor(suite, rep);
                memprobe(suite, variant, rep, expected, floor.seq());
            }
        }
    }

    Run floor(Suite suite, int rep) throws IOException, InterruptedException {
        List<String> command = maven(suite);
        command.add("test");
        command.add("-Dbench.argLine=-Xmx" + suite.floorHeap());
        Path heap = suite.dir().resolve("target/bench-heap.txt");
        Files.deleteIfExists(heap);
        Timed timed = time(suite, "floor", command);
        Path log = timed.log();
        String text = Files.readString(log);
        boolean right = timed.exit() == 0 && text.contains("BUILD SUCCESS") && text.contains("Tests run:");
        Run run = new Run(
                suite.name(), "floor", rep, timed.seq(), timed.wallMs(), timed.exit(), 1, -1, -1, -1, right,
                right ? "passed" : "FAILED", timed.load(), heapLine(heap), -1, timed.wallMs(), "");
        record(run);
        return run;
    }

    void memprobe(Suite suite, Variant variant, int rep, Expected expected, int floorSeq)
            throws IOException, InterruptedException {
        List<String> command = maven(suite);
        command.add("test-compile");
        command.add("memprobe:bisect");
        command.add("-Dmemprobe.maxHeap=" + suite.maxHeap());
        command.add("-Dmemprobe.strategy=" + variant.strategy());
        command.add("-Dmemprobe.batchSize=3");
        command.add("-Dmemprobe.parallelProbes=" + variant.parallel());
        command.add("-Dmemprobe.maxProbes=2000");
        if (!variant.gcStop()) {
            command.add("-Dmemprobe.stopOnGcOverhead=false");
        }
        Path heap = suite.dir().resolve("target/bench-heap.txt");
        Files.deleteIfExists(heap);
        Path reportFile = suite.dir().resolve("target/memprobe/report.json");
        Files.deleteIfExists(reportFile);
        Timed timed = time(suite, variant.label().replace(' ', '-'), command);
        Map<String, Object> report = Files.exists(reportFile) ? Json.object(Files.readString(reportFile)) : Map.of();
        if (Files.exists(reportFile)) {
            Path keep = out.resolve("reports/" + suite.name() + "/" + timed.seq() + "-"
                    + variant.label().replace(' ', '-') + ".json");
            Files.createDirectories(keep.getParent());
            Files.copy(reportFile, keep, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Map<String, Object>> probes = Json.list(report.get("probes"));
        Map<String, Object> totals = Json.map(report.get("totals"));
        String verdict = String.valueOf(report.getOrDefault("verdict", "no report"));
        boolean right = timed.exit() == 0 && expected.matches(report);
        Run run = new Run(
                suite.name(),
                variant.label(),
                rep,
                timed.seq(),
                timed.wallMs(),
                timed.exit(),
                probes.size(),
                Json.number(totals.get("forkMs")),
                probes.stream().mapToLong(p -> Json.number(p.get("setupMs"))).filter(v -> v >= 0).average().orElse(-1),
                probes.stream().mapToLong(p -> Json.number(p.get("bootMs"))).filter(v -> v >= 0).average().orElse(-1),
                right,
                right ? verdict : verdict + ": " + Expected.describe(report),
                timed.load(),
                heapLine(heap),
                floorSeq,
                probes.stream().mapToLong(p -> Json.number(p.get("wallMs"))).max().orElse(-1),
                Json.list(report.get("culprits")).stream()
                        .map(c -> String.valueOf(c.get("cause")))
                        .collect(Collectors.joining(" ")));
        record(run);
    }

    record Timed(int seq, long wallMs, int exit, double load, Path log) {}

    Timed time(Suite suite, String label, List<String> command) throws IOException, InterruptedException {
        int id = ++seq;
        Path log = out.resolve("logs/" + suite.name() + "/" + id + "-" + label + ".log");
        Files.createDirectories(log.getParent());
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(suite.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000L;
        return new Timed(id, wall, exit, load, log);
    }

    List<String> maven(Suite suite) {
        List<String> command = new ArrayList<>();
        command.add(mvn.toString());
        command.add("-o");
        command.add("-B");
        command.add("-Dstyle.color=never");
        command.add("-Dmaven.repo.local=" + repo);
        return command;
    }

    void record(Run run) {
        runs.add(run);
        System.out.printf(
                Locale.ROOT,
                "%4d %-14s %-14s rep %d  %7.1f s  exit %d  probes %3d  forkMs %7d  setup %5.0f ms  %s%s  load %.1f%s%n",
                run.seq(), run.suite(), run.label(), run.rep(), run.wallMs() / 1000.0, run.exit(), run.probes(),
                run.forkMs(), run.setupMean(), run.right() ? "right" : "WRONG " + run.verdict(),
                run.causes().isEmpty() ? "" : " (" + run.causes() + ")", run.load(),
                run.heap().isEmpty() ? "" : "  [" + run.heap() + "]");
    }

    static String heapLine(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file).trim().replace('\n', ';') : "";
    }

    // ---------------------------------------------------------------- what the verdict should be

    /** The culprits planted in a suite, from its expected.txt: "none", or "single X", "cumulative V after P ...". */
    record Expected(Set<String> culprits) {
        static Expected read(Path file) throws IOException {
            Set<String> culprits = new TreeSet<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.trim().equals("none")) {
                    culprits.add(normal(line.trim()));
                }
            }
            return new Expected(culprits);
        }

        /** Kind, victim, then the polluters sorted: the order of polluters is not part of the verdict. */
        static String normal(String line) {
            String[] parts = line.split(" after ");
            List<String> polluters = new ArrayList<>(Arrays.asList(parts).subList(1, parts.length));
            polluters.sort(null);
            return parts[0] + (polluters.isEmpty() ? "" : " after " + String.join(" after ", polluters));
        }

        boolean matches(Map<String, Object> report) {
            String verdict = String.valueOf(report.get("verdict"));
            if (culprits.isEmpty()) {
                return verdict.equals("no-culprit");
            }
            return verdict.equals("culprits-found") && found(report).equals(culprits);
        }

        static Set<String> found(Map<String, Object> report) {
            Set<String> found = new TreeSet<>();
            for (Map<String, Object> c : Json.list(report.get("culprits"))) {
                StringBuilder line = new StringBuilder(c.get("kind") + " " + c.get("victim"));
                for (Object p : Json.list(c.get("polluters"))) {
                    line.append(" after ").append(p);
                }
                found.add(normal(line.toString()));
            }
            return found;
        }

        static String describe(Map<String, Object> report) {
            return found(report).toString();
        }
    }

    // ---------------------------------------------------------------- results

    void writeCsv() throws IOException {
        StringBuilder csv = new StringBuilder(
                "seq,suite,run,rep,wallMs,exit,probes,forkMs,setupMsMean,bootMsMean,right,verdict,load1,pairedFloorSeq,heap,"
                        + "longestProbeMs,causes\n");
        for (Run r : runs) {
            csv.append(String.join(
                            ",",
                            String.valueOf(r.seq()),
                            r.suite(),
                            r.label(),
                            String.valueOf(r.rep()),
                            String.valueOf(r.wallMs()),
                            String.valueOf(r.exit()),
                            String.valueOf(r.probes()),
                            String.valueOf(r.forkMs()),
                            String.format(Locale.ROOT, "%.0f", r.setupMean()),
                            String.format(Locale.ROOT, "%.0f", r.bootMean()),
                            String.valueOf(r.right()),
                            '"' + r.verdict().replace('"', '\'') + '"',
                            String.format(Locale.ROOT, "%.2f", r.load()),
                            String.valueOf(r.pairedFloor()),
                            '"' + r.heap() + '"',
                            String.valueOf(r.longestProbeMs()),
                            '"' + r.causes() + '"'))
                    .append('\n');
        }
        Files.writeString(out.resolve("runs.csv"), csv);
    }

    String machine(String started, Duration took, String loadBefore, String loadAfter) throws IOException, InterruptedException {
        String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .findFirst()
                .orElse("MemTotal: ?")
                .replaceAll("\\s+", " ");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("?");
        Process v = new ProcessBuilder(mvn.toString(), "-v", "-B").redirectErrorStream(true).start();
        String mavenVersion = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("Apache Maven"))
                .findFirst()
                .orElse("?");
        v.waitFor();
        return "## Machine\n\n"
                + "- cores: " + Runtime.getRuntime().availableProcessors() + " (" + cpu + ")\n"
                + "- memory: " + memTotal + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "\n"
                + "- Maven: " + mavenVersion + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "- started: " + started + "; took " + took.toMinutes() + " min " + took.toSecondsPart() + " s\n"
                + "- load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAfter + "\n";
    }

    String tables(List<Suite> plan) {
        StringBuilder s = new StringBuilder();
        s.append("## Ratios (medians of paired runs; wall time of the Maven invocation)\n\n");
        s.append("bisect / floor: each memprobe run divided by the floor run just before it, median of those ratios."
                + " isolated / bisect and batches / bisect: median wall over median wall, same parallelProbes.\n\n");
        s.append("| suite | max heap, floor heap | bisect p1 / floor | bisect p2 / floor | isolated / bisect (p1, p2) |"
                + " batches / bisect (p1, p2) | verdicts right |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        for (Suite suite : plan) {
            s.append("| ").append(suite.name()).append(" | ").append(suite.maxHeap()).append(", ").append(suite.floorHeap()).append(" | ");
            s.append(pairRatio(suite.name(), "bisect p1")).append(" | ");
            s.append(pairRatio(suite.name(), "bisect p2")).append(" | ");
            s.append(ratio(suite.name(), "isolated p1", "bisect p1"))
                    .append(", ")
                    .append(ratio(suite.name(), "isolated p2", "bisect p2"))
                    .append(" | ");
            s.append(ratio(suite.name(), "batches p1", "bisect p1"))
                    .append(", ")
                    .append(ratio(suite.name(), "batches p2", "bisect p2"))
                    .append(" | ");
            List<Run> mine = of(suite.name(), r -> true);
            s.append(mine.stream().filter(Run::right).count()).append("/").append(mine.size()).append(" |\n");
        }
        gcStopTable(plan, s);
        s.append("\n## Raw medians\n\n");
        s.append("| suite | run | n | wall s (median) | wall s (all) | probes | forkMs | setupMs mean | bootMs mean |"
                + " load1 at start |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Suite suite : plan) {
            Set<String> labels = new LinkedHashSet<>();
            labels.add("floor");
            suite.variants().forEach(v -> labels.add(v.label()));
            for (String label : labels) {
                List<Run> rs = of(suite.name(), r -> r.label().equals(label));
                if (rs.isEmpty()) {
                    continue;
                }
                s.append("| ").append(suite.name()).append(" | ").append(label).append(" | ").append(rs.size());
                s.append(" | ").append(sec(median(rs.stream().mapToDouble(Run::wallMs).toArray())));
                s.append(" | ").append(rs.stream().map(r -> sec(r.wallMs())).collect(Collectors.joining(" ")));
                s.append(" | ").append(label.equals("floor") ? "1" : fmt(median(rs.stream().mapToDouble(Run::probes).toArray()), "%.0f"));
                s.append(" | ").append(label.equals("floor") ? "" : fmt(median(rs.stream().mapToDouble(Run::forkMs).toArray()), "%.0f"));
                s.append(" | ").append(label.equals("floor") ? "" : fmt(median(rs.stream().mapToDouble(Run::setupMean).toArray()), "%.0f"));
                s.append(" | ").append(label.equals("floor") ? "" : fmt(median(rs.stream().mapToDouble(Run::bootMean).toArray()), "%.0f"));
                s.append(" | ").append(rs.stream().map(r -> fmt(r.load(), "%.1f")).collect(Collectors.joining(" ")));
                s.append(" |\n");
            }
        }
        s.append("\n## Heap after forced collection at the end of the no-culprit suites (ZzHeapReportTest)\n\n");
        s.append("| suite | run | lines |\n|---|---|---|\n");
        for (Run r : runs) {
            if (!r.heap().isEmpty()) {
                s.append("| ").append(r.suite()).append(" | ").append(r.label()).append(" | ").append(r.heap()).append(" |\n");
            }
        }
        s.append("\n## Wrong verdicts and failed floors\n\n");
        List<Run> wrong = runs.stream().filter(r -> !r.right()).toList();
        if (wrong.isEmpty()) {
            s.append("none\n");
        }
        for (Run r : wrong) {
            s.append("- ").append(r.seq()).append(' ').append(r.suite()).append(' ').append(r.label()).append(": ")
                    .append(r.verdict()).append(" (exit ").append(r.exit()).append(")\n");
        }
        return s.toString();
    }

    /**
     * For the suites run with and without {@code memprobe.stopOnGcOverhead}: the wall time of each, the time the stop
     * saved (median without less median with), the longest probe and the causes the culprits died of.
     */
    void gcStopTable(List<Suite> plan, StringBuilder s) {
        List<Suite> both = plan.stream()
                .filter(suite -> suite.variants().stream().anyMatch(v -> !v.gcStop()))
                .toList();
        if (both.isEmpty()) {
            return;
        }
        s.append("\n## GC overhead: memprobe's stop against none\n\n");
        s.append("Wall time of the Maven invocation; \"saved\" is the median without the stop less the median with it."
                + " Longest probe: the slowest fork of each run.\n\n");
        s.append("| suite | run | n | wall s (median; all) | saved | probes | longest probe s (all) | causes |"
                + " verdicts right |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Suite suite : both) {
            for (Variant variant : suite.variants()) {
                List<Run> rs = of(suite.name(), r -> r.label().equals(variant.label()));
                if (rs.isEmpty()) {
                    continue;
                }
                double wall = median(rs.stream().mapToDouble(Run::wallMs).toArray());
                String saved = "";
                if (variant.gcStop()) {
                    double[] without = of(suite.name(), r -> r.label().equals(variant.label() + " " + NO_GC_STOP))
                            .stream()
                            .mapToDouble(Run::wallMs)
                            .toArray();
                    if (without.length > 0) {
                        double off = median(without);
                        saved = sec(off - wall) + " s (" + fmt(off / wall, "%.1f") + "x)";
                    }
                }
                s.append("| ").append(suite.name()).append(" | ").append(variant.label()).append(" | ").append(rs.size());
                s.append(" | ").append(sec(wall)).append("; ")
                        .append(rs.stream().map(r -> sec(r.wallMs())).collect(Collectors.joining(" ")));
                s.append(" | ").append(saved);
                s.append(" | ").append(rs.stream().map(r -> String.valueOf(r.probes())).collect(Collectors.joining(" ")));
                s.append(" | ").append(rs.stream().map(r -> sec(r.longestProbeMs())).collect(Collectors.joining(" ")));
                s.append(" | ").append(rs.stream().map(Run::causes).distinct().collect(Collectors.joining("; ")));
                s.append(" | ").append(rs.stream().filter(Run::right).count()).append("/").append(rs.size()).append(" |\n");
            }
        }
    }

    List<Run> of(String suite, Predicate<Run> filter) {
        return runs.stream().filter(r -> r.suite().equals(suite)).filter(filter).toList();
    }

    String pairRatio(String suite, String label) {
        List<Double> ratios = new ArrayList<>();
        for (Run r : of(suite, r -> r.label().equals(label))) {
            runs.stream()
                    .filter(f -> f.seq() == r.pairedFloor())
                    .findFirst()
                    .ifPresent(f -> ratios.add((double) r.wallMs() / f.wallMs()));
        }
        if (ratios.isEmpty()) {
            return "–";
        }
        return fmt(median(ratios.stream().mapToDouble(Double::doubleValue).toArray()), "%.2f") + "x"
                + (ratios.size() > 1
                        ? " (" + ratios.stream().map(x -> fmt(x, "%.2f")).collect(Collectors.joining(" ")) + ")"
                        : "");
    }

    String ratio(String suite, String label, String base) {
        double[] a = of(suite, r -> r.label().equals(label)).stream().mapToDouble(Run::wallMs).toArray();
        double[] b = of(suite, r -> r.label().equals(base)).stream().mapToDouble(Run::wallMs).toArray();
        if (a.length == 0 || b.length == 0) {
            return "–";
        }
        return fmt(median(a) / median(b), "%.1f") + "x";
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String sec(double ms) {
        return fmt(ms / 1000.0, "%.1f");
    }

    static String fmt(double value, String format) {
        return String.format(Locale.ROOT, format, value);
    }

    // ---------------------------------------------------------------- a small JSON reader for report.json

    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            return (Map<String, Object>) new Json(text).value();
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> list(Object value) {
            return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object value) {
            return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        static long number(Object value) {
            return value instanceof Number n ? n.longValue() : -1;
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    at++;
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        at++; // :
                        map.put(key, value());
                        space();
                        if (text.charAt(at++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    List<Object> list = new ArrayList<>();
                    at++;
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        space();
                        if (text.charAt(at++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    Matcher m = Pattern.compile("true|false|null|-?[0-9][0-9.eE+-]*").matcher(text);
                    m.region(at, text.length());
                    if (!m.lookingAt()) {
                        throw new IllegalArgumentException("bad JSON at " + at);
                    }
                    at = m.end();
                    String word = m.group();
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> word.contains(".") || word.contains("e") || word.contains("E")
                                ? (Object) Double.parseDouble(word)
                                : (Object) Long.parseLong(word);
                    };
                }
            }
        }

        private String string() {
            StringBuilder s = new StringBuilder();
            at++; // opening quote
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

}
