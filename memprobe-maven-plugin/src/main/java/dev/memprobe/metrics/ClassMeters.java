package dev.memprobe.metrics;

import dev.memprobe.report.Report;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/**
 * Every class's measurements as Micrometer meters, tagged with the project and the class, plus the run's verdict:
 * what a team sends to the metrics backend it already uses.
 *
 * <p>Meter names (Prometheus spells them with underscores and a unit suffix): {@code memprobe.class.heap.peak},
 * {@code memprobe.class.live.heap.peak}, {@code memprobe.class.rss.peak}, {@code memprobe.class.direct.peak},
 * {@code memprobe.class.metaspace.peak}, {@code memprobe.class.allocated} (bytes), {@code memprobe.class.threads.peak},
 * {@code memprobe.class.duration} (seconds); {@code memprobe.run.culprits}, {@code memprobe.run.probes},
 * {@code memprobe.run.classes}, {@code memprobe.run.duration} (seconds), and {@code memprobe.run.verdict} (1, tagged
 * with the verdict). A measurement that was not taken has no meter.
 */
public final class ClassMeters {

    private ClassMeters() {}

    public static void bind(Report report, MeterRegistry registry) {
        Tags run = Tags.of("project", report.project() == null ? "" : report.project());
        for (Report.ClassEntry c : report.classes()) {
            Tags tags = run.and("class", c.name(), "outcome", c.outcome());
            bytes(
                    registry,
                    "memprobe.class.heap.peak",
                    "sum of heap pool peaks while the class ran",
                    tags,
                    c,
                    Report.ClassEntry::heapPeakBytes);
            bytes(
                    registry,
                    "memprobe.class.live.heap.peak",
                    "heap used right after a collection, at most",
                    tags,
                    c,
                    Report.ClassEntry::liveHeapPeakBytes);
            bytes(
                    registry,
                    "memprobe.class.rss.peak",
                    "resident memory high-water mark",
                    tags,
                    c,
                    Report.ClassEntry::rssPeakBytes);
            bytes(
                    registry,
                    "memprobe.class.direct.peak",
                    "direct buffer memory, at most",
                    tags,
                    c,
                    Report.ClassEntry::directPeakBytes);
            bytes(
                    registry,
                    "memprobe.class.metaspace.peak",
                    "metaspace, at most",
                    tags,
                    c,
                    Report.ClassEntry::metaspacePeakBytes);
            bytes(
                    registry,
                    "memprobe.class.allocated",
                    "bytes the test thread allocated",
                    tags,
                    c,
                    Report.ClassEntry::allocatedBytes);
            bytes(
                    registry,
                    "memprobe.class.kept",
                    "what the class itself left behind in the heap (its own figure)",
                    tags,
                    c,
                    e -> e.own() == null ? -1 : e.own().keptBytes());
            bytes(
                    registry,
                    "memprobe.class.needed",
                    "the class's own peak demand above the live heap at its start (its own figure)",
                    tags,
                    c,
                    e -> e.own() == null ? -1 : e.own().neededBytes());
            if (c.threadsPeak() >= 0) {
                Gauge.builder("memprobe.class.threads.peak", c, e -> e.threadsPeak())
                        .description("live threads, at most")
                        .baseUnit("threads")
                        .tags(tags)
                        .register(registry);
            }
            if (c.durationMs() >= 0) {
                Gauge.builder("memprobe.class.duration", c, e -> e.durationMs() / 1000.0)
                        .description("wall time of the class")
                        .baseUnit("seconds")
                        .tags(tags)
                        .register(registry);
            }
        }
        Gauge.builder("memprobe.run.culprits", report, r -> r.culprits().size())
                .description("culprits found")
                .tags(run)
                .register(registry);
        Gauge.builder("memprobe.run.probes", report, r -> r.totals().probes())
                .description("forks memprobe ran")
                .tags(run)
                .register(registry);
        Gauge.builder("memprobe.run.classes", report, r -> r.totals().classesRun())
                .description("test classes that ran")
                .tags(run)
                .register(registry);
        Gauge.builder("memprobe.run.duration", report, r -> r.totals().wallMs() / 1000.0)
                .description("wall time of the run")
                .baseUnit("seconds")
                .tags(run)
                .register(registry);
        Gauge.builder("memprobe.run.verdict", report, r -> 1)
                .description("the verdict, as a tag")
                .tags(run.and("verdict", report.verdict()))
                .register(registry);
    }

    private static void bytes(
            MeterRegistry registry,
            String name,
            String description,
            Tags tags,
            Report.ClassEntry entry,
            ToDoubleFunction<Report.ClassEntry> value) {
        if (value.applyAsDouble(entry) < 0) {
            return;
        }
        Gauge.builder(name, entry, value)
                .description(description)
                .baseUnit("bytes")
                .tags(tags)
                .register(registry);
    }
}
