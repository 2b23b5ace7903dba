package dev.memprobe.metrics;

import dev.memprobe.report.Report;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.util.function.UnaryOperator;

/**
 * Pushes the report's meters once to an OpenTelemetry collector. Loaded only when {@code micrometer-registry-otlp}
 * is on the plugin's classpath; configured with Micrometer's own keys ({@code otlp.url}, {@code otlp.headers},
 * {@code otlp.resourceAttributes}) given as Maven properties.
 */
final class OtlpPush {

    private OtlpPush() {}

    static String push(Report report, UnaryOperator<String> properties) {
        OtlpConfig config = properties::apply;
        OtlpMeterRegistry registry = new OtlpMeterRegistry(config, Clock.SYSTEM);
        ClassMeters.bind(report, registry);
        registry.close(); // a push registry publishes what it has when it closes
        return config.url();
    }
}
