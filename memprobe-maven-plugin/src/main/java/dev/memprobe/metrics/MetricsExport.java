package dev.memprobe.metrics;

import dev.memprobe.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Sends the report's meters to the registries a team added as dependencies of memprobe's plugin: with
 * {@code micrometer-registry-prometheus}, a {@code metrics.prom} file beside the reports; with
 * {@code micrometer-registry-otlp}, one push to the collector at {@code otlp.url} (which must be set). Nothing without
 * them.
 */
public final class MetricsExport {

    static final String PROMETHEUS = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";
    static final String OTLP = "io.micrometer.registry.otlp.OtlpMeterRegistry";

    private MetricsExport() {}

    /**
     * @param loader the plugin's class loader, where added registries are
     * @param properties Maven's user and system properties, for registry configuration
     * @return one sentence per registry served, for the log
     */
    public static List<String> export(Report report, Path folder, ClassLoader loader, UnaryOperator<String> properties)
            throws IOException {
        List<String> done = new ArrayList<>();
        if (present(PROMETHEUS, loader)) {
            done.add("wrote " + PrometheusFile.write(report, folder));
        }
        if (present(OTLP, loader)) {
            if (properties.apply("otlp.url") == null) {
                done.add("micrometer-registry-otlp is on the plugin's classpath but otlp.url is not set: nothing"
                        + " pushed (set -Dotlp.url=http://<collector>:4318/v1/metrics)");
            } else {
                done.add("pushed the metrics to " + OtlpPush.push(report, properties));
            }
        }
        return done;
    }

    static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
