package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Culprit;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.Evidence;
import dev.memprobe.bisect.Failure;
import dev.memprobe.bisect.Finding;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.Purpose;
import dev.memprobe.bisect.Resource;
import dev.memprobe.bisect.SearchResult;
import dev.memprobe.bisect.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report words what the search found as data: evidence, findings, purposes, and whether a death is of memory. */
class ReportBuilderTest {

    private static final Report.Settings SETTINGS = new Report.Settings(
            256L << 20, -1, -1, "bisect", 3, false, 1, 50, 1, null, null, null, "filesystem", -1, false);
    private static final Report.EnvironmentInfo ENVIRONMENT =
            new Report.EnvironmentInfo("17", "17", "Linux", 2, 4L << 30, -1, "v2", 1L << 30, "3.6.1", "3.9.9");

    @Test
    void aCrashForWantOfNativeMemoryIsAMemoryCulpritWithTheNativeMemoryAdvice() {
        Failure crash = new Failure(
                "com.acme.NativeTest", null, Cause.JVM_CRASH, 134, Death.NATIVE_MEMORY + " and crashed (malloc)", true);

        Report.CulpritEntry entry = onlyCulprit(crash);

        assertThat(entry.memory()).isTrue();
        assertThat(entry.evidence())
                .containsExactly("dies alone: JVM crash (the JVM ran out of native memory and crashed (malloc))");
        assertThat(entry.advice()).hasSize(2).first().asString().startsWith("The process ran out of native memory");
        assertThat(entry.advice().get(1)).contains("heavy-classes.txt");
    }

    @Test
    void anyOtherCrashIsNoDeathOfMemory() {
        Failure crash = new Failure("com.acme.NativeTest", null, Cause.JVM_CRASH, 134, "the JVM crashed (SIGSEGV)");

        Report.CulpritEntry entry = onlyCulprit(crash);

        assertThat(entry.memory()).isFalse();
        assertThat(entry.advice()).singleElement().asString().startsWith("The JVM itself crashed");
    }

    @Test
    void wordsTheFindingsAndThePurposesOfTheProbes() {
        Failure heap = new Failure("com.acme.V", null, Cause.HEAP_OOM, null, null);
        Finding finding = new Finding.BudgetInSearch(3, heap, List.of("com.acme.P"));
        SearchResult result = new SearchResult(
                Verdict.INCONCLUSIVE,
                List.of(),
                List.of(finding),
                List.of(fork(1, new Purpose.WholeSuite(2), heap), fork(2, new Purpose.Alone("com.acme.V"), null)),
                List.of("com.acme.P", "com.acme.V"),
                List.of());

        Report report = build(result);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("probe-budget-exhausted");
            assertThat(f.message()).isEqualTo(FindingText.of(finding)).contains("what kills V");
            assertThat(f.classes()).containsExactly("com.acme.P");
        });
        assertThat(report.probes())
                .extracting(Report.ProbeEntry::purpose)
                .containsExactly("the whole suite, 2 classes in Surefire's run order", "does V die alone?");
        assertThat(report.summary()).startsWith("Inconclusive: memprobe.maxProbes (3) ran out");
    }

    private static Report.CulpritEntry onlyCulprit(Failure failure) {
        Culprit culprit = new Culprit(
                Culprit.Kind.SINGLE,
                failure,
                List.of(),
                Map.of(),
                List.of(new Evidence.DiesAlone(failure, new Evidence.Peak(Resource.HEAP, -1, -1, -1))),
                2,
                2,
                List.of(1));
        SearchResult result = new SearchResult(
                Verdict.CULPRITS_FOUND,
                List.of(culprit),
                List.of(),
                List.of(fork(1, new Purpose.Alone(failure.victim()), failure)),
                List.of(failure.victim()),
                List.of());
        return build(result).culprits().get(0);
    }

    private static Report build(SearchResult result) {
        return ReportBuilder.build(
                result,
                "g:a",
                "1.0",
                "2024-01-01T00:00:00Z",
                SETTINGS,
                ENVIRONMENT,
                result.order().size(),
                0);
    }

    private static ForkResult fork(int id, Purpose purpose, Failure died) {
        Probe probe =
                new Probe(id, List.of(died == null ? "com.acme.V" : died.victim()), purpose, false, Set.of(), true);
        List<ClassRun> runs = probe.classes().stream()
                .map(name -> new ClassRun(
                        name,
                        died == null ? ClassRun.Outcome.PASSED : ClassRun.Outcome.DIED,
                        1,
                        0,
                        0,
                        0,
                        Measure.NONE,
                        null,
                        null,
                        null))
                .toList();
        Death death = died == null
                ? null
                : new Death(died.cause(), died.exitCode(), died.victim(), died.method(), died.evidence());
        return new ForkResult(probe, probe.classes(), runs, death, 100, null, List.of());
    }
}
