package dev.memprobe.results;

import dev.memprobe.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test results of a bisect as {@code mvn test} gives them: for each class that ran, Surefire's report from the
 * probe that measured it (the first it ran in), and the tests that failed of something other than memory. memprobe
 * blames memory; a test that fails its assertions fails the build as it would under Surefire.
 *
 * @param tests tests run, over every class
 * @param failures tests that failed an assertion, over every class
 * @param errors tests that threw, memory errors included, over every class
 * @param skipped tests skipped
 * @param failed the failed and errored tests of the classes that failed of something other than memory, in run
 *     order; their failures first, then their errors, as Surefire lists them
 * @param failingClasses those classes
 * @param reports each class's report files, in run order
 * @param written the reports memprobe writes for the classes whose fork wrote none (a class a memory error stopped,
 *     whose fork died or went on without finishing its Surefire report), by file name
 */
public record TestResults(
        int tests,
        int failures,
        int errors,
        int skipped,
        List<FailedTest> failed,
        List<String> failingClasses,
        List<Path> reports,
        Map<String, String> written) {

    /** The outcome of a class whose tests failed, none of memory ({@code report.json}'s {@code outcome}). */
    static final String FAILED = "failed";

    public TestResults {
        failed = List.copyOf(failed);
        failingClasses = List.copyOf(failingClasses);
        reports = List.copyOf(reports);
        written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    }

    /**
     * Reads the results of every class of {@code report} from the probes' folders: its counts from the report, its
     * failed tests from Surefire's XML of the probe that measured it.
     *
     * @param probesFolder where probe {@code N}'s Surefire reports are, in {@code probe-N/surefire-reports}
     */
    public static TestResults collect(Report report, Path probesFolder) throws IOException {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        List<FailedTest> assertions = new ArrayList<>();
        List<FailedTest> thrown = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (Report.ClassEntry c : report.classes()) {
            tests += c.tests();
            failures += c.failures();
            errors += c.errors();
            skipped += c.skipped();
            Path folder = reportsOf(probesFolder, c.probe());
            Path xml = folder.resolve("TEST-" + c.name() + ".xml");
            boolean hasXml = Files.isRegularFile(xml);
            for (String name : List.of(xml.getFileName().toString(), c.name() + ".txt", c.name() + "-output.txt")) {
                if (Files.isRegularFile(folder.resolve(name))) {
                    files.add(folder.resolve(name));
                }
            }
            if (!hasXml && ("memory-error".equals(c.outcome()) || "died".equals(c.outcome()))) {
                written.put(xml.getFileName().toString(), StoppedClassXml.of(report, c));
            }
            if (!FAILED.equals(c.outcome())) {
                continue;
            }
            failing.add(c.name());
            // a class's report may hold a test of another class (the one a memory error stopped before it, which the
            // provider went on past): only the class's own tests are its failures
            List<FailedTest> inXml = hasXml
                    ? SurefireXml.read(xml).failed().stream()
                            .filter(t -> t.className().equals(c.name())
                                    || t.className().startsWith(c.name() + "$"))
                            .toList()
                    : List.of();
            if (inXml.isEmpty()) {
                // no report (or none that names a test): say what the counts say
                thrown.add(new FailedTest(
                        c.name(),
                        null,
                        true,
                        null,
                        (c.failures() + c.errors()) + " of " + c.tests() + " tests failed; probe " + c.probe()
                                + " wrote no Surefire report that names them",
                        ""));
            }
            for (FailedTest t : inXml) {
                (t.error() ? thrown : assertions).add(t);
            }
        }
        List<FailedTest> failed = new ArrayList<>(assertions);
        failed.addAll(thrown);
        return new TestResults(tests, failures, errors, skipped, failed, failing, files, written);
    }

    /** Whether a test failed of something other than memory: what fails {@code mvn test}, and so this goal. */
    public boolean hasFailures() {
        return !failingClasses.isEmpty();
    }

    /**
     * Copies each class's report files into {@code folder} (Surefire's {@code reportsDirectory}), where CI's test
     * pages look for them, replacing those of an earlier run, and writes the reports of the classes that have none.
     *
     * @return how many classes' reports were copied
     */
    public int copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        int xml = 0;
        for (Path file : reports) {
            try {
                Files.copy(file, folder.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                continue; // a probe folder deleted meanwhile: nothing to copy
            }
            if (file.getFileName().toString().endsWith(".xml")) {
                xml++;
            }
        }
        for (Map.Entry<String, String> file : written.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            xml++;
        }
        return xml;
    }

    /**
     * What Surefire prints at the end of a run with failures: the failures, the errors, one line each as Surefire
     * writes them, and the counts.
     */
    public List<String> surefireLines() {
        List<String> lines = new ArrayList<>();
        List<FailedTest> assertions = failed.stream().filter(t -> !t.error()).toList();
        List<FailedTest> thrown = failed.stream().filter(FailedTest::error).toList();
        if (!assertions.isEmpty()) {
            lines.add("Failures: ");
            assertions.forEach(t -> lines.add("  " + t.surefireLine()));
        }
        if (!thrown.isEmpty()) {
            lines.add("Errors: ");
            thrown.forEach(t -> lines.add("  " + t.surefireLine()));
        }
        lines.add(counts());
        return lines;
    }

    /** {@code 1 test failed in com.acme.ImportTest}, {@code 3 tests failed in 2 classes: com.acme.A, com.acme.B}. */
    public String described() {
        long n = failed.stream().filter(t -> t.method() != null).count();
        String what = n == 0 ? "tests failed" : n == 1 ? "1 test failed" : n + " tests failed";
        return failingClasses.size() == 1
                ? what + " in " + failingClasses.get(0)
                : what + " in " + failingClasses.size() + " classes: " + String.join(", ", failingClasses);
    }

    /** {@code Tests run: 12, Failures: 1, Errors: 0, Skipped: 0}, as Surefire counts. */
    public String counts() {
        return "Tests run: " + tests + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }

    private static Path reportsOf(Path probesFolder, int probe) {
        return probesFolder.resolve("probe-" + probe).resolve("surefire-reports");
    }
}
