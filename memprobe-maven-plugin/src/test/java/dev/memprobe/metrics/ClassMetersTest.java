package dev.memprobe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.Report;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassMetersTest {

    static Report report() {
        Report.ClassEntry hog = new Report.ClassEntry(
                "com.acme.ImportTest",
                "died",
                0,
                0,
                0,
                0,
                950,
                271_000_000,
                266_000_000,
                120_000_000,
                -1,
                265_000_000,
                213_000_000,
                8192,
                8_100_000,
                10,
                132_000_000,
                44,
                1,
                "heap OutOfMemoryError");
        Report.ClassEntry plain = new Report.ClassEntry(
                "com.acme.CartTest",
                "passed",
                3,
                0,
                0,
                0,
                27,
                15_000_000,
                -1,
                -1,
                -1,
                15_000_000,
                85_000_000,
                8192,
                9_000_000,
                10,
                1_400_000,
                0,
                1,
                null);
        return new Report(
                Report.SCHEMA_VERSION,
                "0.1.0",
                "2026-11-28T00:00:00Z",
                "com.acme:shop",
                "culprits-found",
                "1 culprit",
                List.of(new Report.CulpritEntry(
                        "single",
                        List.of("com.acme.ImportTest"),
                        "com.acme.ImportTest",
                        List.of(),
                        Map.of(),
                        "heap-oom",
                        true,
                        null,
                        "imports",
                        List.of("dies alone"),
                        2,
                        2,
                        List.of(1, 2),
                        List.of("shrink it"))),
                List.of(),
                List.of(hog, plain),
                List.of(),
                List.of(),
                new Report.Settings(
                        256L << 20, -1, -1, "bisect", 3, false, 1, 50, 1, null, null, null, "filesystem", -1, false),
                new Report.EnvironmentInfo("17", "17", "Linux", 2, 24L << 30, -1, "v2", 6L << 30, "3.6.1", "3.9.11"),
                new Report.Totals(2, 2, 3, 5000, 6000));
    }

    @Test
    void publishesEveryMeasuredValueOfEveryClassWithItsTags() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ClassMeters.bind(report(), registry);

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("memprobe_class_heap_peak_bytes{class=\"com.acme.ImportTest\",outcome=\"died\","
                        + "project=\"com.acme:shop\"} 2.71E8")
                .contains("memprobe_class_live_heap_peak_bytes{class=\"com.acme.ImportTest\"")
                .contains("memprobe_class_rss_peak_bytes{class=\"com.acme.CartTest\",outcome=\"passed\"")
                .contains("memprobe_class_duration_seconds{class=\"com.acme.CartTest\"")
                .contains("memprobe_run_culprits{project=\"com.acme:shop\"} 1.0")
                .contains("memprobe_run_verdict{project=\"com.acme:shop\",verdict=\"culprits-found\"} 1.0");
    }

    @Test
    void leavesOutWhatWasNotMeasured() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ClassMeters.bind(report(), registry);

        assertThat(registry.scrape()).doesNotContain("memprobe_class_live_heap_peak_bytes{class=\"com.acme.CartTest\"");
    }

    @Test
    void writesMetricsPromWhenThePrometheusRegistryIsOnTheClasspath(@TempDir Path folder) throws Exception {
        List<String> done = MetricsExport.export(report(), folder, getClass().getClassLoader(), key -> null);

        Path file = folder.resolve("metrics.prom");
        assertThat(done).anySatisfy(line -> assertThat(line).contains("metrics.prom"));
        assertThat(Files.readString(file)).contains("# TYPE memprobe_class_heap_peak_bytes gauge");
    }

    @Test
    void pushesToOtlpOnlyWhenACollectorIsNamed(@TempDir Path folder) throws Exception {
        List<String> done = MetricsExport.export(report(), folder, getClass().getClassLoader(), key -> null);

        assertThat(done).anySatisfy(line -> assertThat(line).contains("otlp.url is not set"));
    }

    @Test
    void exportsNothingWhenNoRegistryIsOnTheClasspath(@TempDir Path folder) throws Exception {
        ClassLoader bare = new ClassLoader(null) {};

        assertThat(MetricsExport.present(MetricsExport.PROMETHEUS, bare)).isFalse();
        assertThat(MetricsExport.present(MetricsExport.OTLP, bare)).isFalse();
        assertThat(MetricsExport.present(MetricsExport.PROMETHEUS, getClass().getClassLoader()))
                .isTrue();
    }
}
