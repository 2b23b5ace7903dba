package dev.memprobe.metrics;

import dev.memprobe.report.Report;
import dev.memprobe.report.files.ReportFiles;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code metrics.prom}: the report's meters in the Prometheus text format, for a node exporter's textfile collector
 * or a Pushgateway. Loaded only when {@code micrometer-registry-prometheus} is on the plugin's classpath.
 */
final class PrometheusFile {

    static final String FILE = "metrics.prom";

    private PrometheusFile() {}

    static Path write(Report report, Path folder) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            ClassMeters.bind(report, registry);
            String text = registry.scrape();
            return ReportFiles.writeAtomically(folder.resolve(FILE), out -> out.write(text));
        } finally {
            registry.close();
        }
    }
}
