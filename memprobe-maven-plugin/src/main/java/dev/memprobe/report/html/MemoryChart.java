package dev.memprobe.report.html;

import dev.memprobe.report.OwnText;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportText;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The per-class chart of {@code report.html}: every class's own figures (what it needed on top of the live heap it
 * found, what it kept) and the fork's RSS peak while it ran, against the heap and memory limits; a report without own
 * figures (an earlier version) charts the fork's heap peak and live heap peak instead. One row per class, in run
 * order: its name as text of the page, then three thin bars in an SVG whose coordinates are percentages of its width,
 * so that the bars scale with the page while every label stays at the page's own font size (12 px and up, from 420 px
 * wide to wide screens). The culprits' rows are highlighted; each row has a tooltip with its numbers. The rows scroll
 * past {@value #BODY_HEIGHT} px; when they do, a {@link MemoryOverview} of the whole run comes first.
 */
final class MemoryChart {

    static final int ROW = 18;
    /** The height in pixels the rows get before they scroll; report.css says the same. */
    static final int BODY_HEIGHT = 640;

    private static final int LABEL_CHARS = 34;
    private static final int TICKS = 8;

    private final Report report;
    private final Map<String, String> roles;
    private final List<Limit> limits;
    private final long axisMax;
    private final long tick;

    MemoryChart(Report report, Map<String, String> roles) {
        this.report = report;
        this.roles = roles;
        this.limits = limits(report);
        long max = LongStream.concat(
                        report.classes().stream()
                                .flatMapToLong(c -> LongStream.of(first(c), second(c), c.rssPeakBytes())),
                        limits.stream().mapToLong(Limit::bytes))
                .max()
                .orElse(0);
        this.tick = tickFor(Math.max(max, 1L << 20));
        this.axisMax = (Math.max(max, 1) + max / 50 + tick - 1) / tick * tick;
    }

    /** Appends the legend, the overview when the rows scroll, and the chart; a sentence instead when no class ran. */
    void render(StringBuilder h) {
        List<Report.ClassEntry> classes = report.classes();
        if (classes.isEmpty()) {
            h.append("<p class=\"muted\">No class ran, so there is nothing to chart.</p>\n");
            return;
        }
        legend(h);
        if (classes.size() * ROW > BODY_HEIGHT) {
            new MemoryOverview(classes, roles, limits, axisMax, tick).render(h);
            h.append("<p class=\"sub\">Every class, ").append(Html.count(classes.size()));
            h.append(" in run order: scroll the rows, hover one for its numbers.</p>\n");
        }
        h.append("<div class=\"chart classes-chart\" id=\"chart\">\n");
        axis(h);
        h.append(
                "<div class=\"rows\"><div class=\"rowsin\" role=\"list\" aria-label=\"Memory per class, in run order\">\n");
        for (Report.ClassEntry c : classes) {
            row(h, c);
        }
        // the grid and the limits once, over every row's bars
        h.append("<svg class=\"overlay\" aria-hidden=\"true\">");
        for (long t = tick; t < axisMax; t += tick) {
            h.append(Svg.vline("grid", x(t)));
        }
        for (Limit limit : limits) {
            h.append(Svg.vline(limit.css(), x(limit.bytes())));
        }
        h.append("</svg></div></div></div>\n");
    }

    private void legend(StringBuilder h) {
        h.append("<div class=\"legend\">");
        if (ownFigures()) {
            h.append("<span><i class=\"sw h\"></i>needed: the class's own peak above the live heap it found</span>");
            h.append("<span><i class=\"sw l\"></i>kept: what the class left behind</span>");
        } else {
            h.append("<span><i class=\"sw h\"></i>the fork's heap peak (sum of pool peaks, an upper bound)</span>");
            h.append("<span><i class=\"sw l\"></i>the fork's live heap peak (heap after GC)</span>");
        }
        h.append("<span><i class=\"sw r\"></i>the fork's RSS peak (whole process)</span>");
        for (Limit limit : limits) {
            h.append("<span><i class=\"sw ").append(limit.css()).append("\"></i>");
            h.append(Html.escape(limit.description())).append("</span>");
        }
        if (roles.containsValue("victim")) {
            h.append("<span><i class=\"sw victim\"></i>culprit (died)</span>");
        }
        if (roles.containsValue("polluter")) {
            h.append("<span><i class=\"sw polluter\"></i>polluter</span>");
        }
        h.append("</div>\n");
        if (limits.isEmpty()) {
            h.append("<p class=\"sub\">No heap or memory limit is known, so the chart has no limit line.</p>\n");
        }
    }

    /** The axis: tick labels and the limits' labels, as text at percentages of the plot's width. */
    private void axis(StringBuilder h) {
        h.append("<div class=\"crow axis\" aria-hidden=\"true\"><span class=\"cname\">class (run order)</span>");
        h.append("<svg class=\"scale\">");
        for (long t = 0; t <= axisMax; t += tick) {
            String anchor = t == 0 ? "start" : t == axisMax ? "end" : "middle";
            // every other tick's label on a narrow screen (report.css hides the odd ones there)
            String css = (t / tick) % 2 == 1 ? "odd" : null;
            h.append(Svg.text(css, x(t), "13", anchor, tickLabel(t)));
        }
        // The lower limit's label goes left of its line, the higher one's right of it unless past the middle.
        for (Limit limit : limits) {
            boolean lowest = limits.stream().allMatch(l -> l.bytes() >= limit.bytes());
            // a label right of a line past the middle could run off a narrow screen: it goes left of its line
            boolean left = lowest && limits.size() > 1 || (double) limit.bytes() / axisMax > 0.5;
            h.append(Svg.text("lim", x(limit.bytes()), "29", left ? "end" : "start", Html.escape(limit.label())));
        }
        h.append("</svg></div>\n");
    }

    private void row(StringBuilder h, Report.ClassEntry c) {
        String role = roles.get(c.name());
        h.append("<div class=\"crow").append(role == null ? "" : " " + role).append("\" role=\"listitem\" title=\"");
        h.append(tooltip(c, role)).append("\"><span class=\"cname\">").append(Html.wrappable(label(c.name())));
        h.append("</span><svg class=\"bars\">");
        if (first(c) <= 0 && second(c) <= 0 && c.rssPeakBytes() <= 0) {
            h.append(Svg.text("na", "0.5%", "13", "start", "not measured"));
        }
        bar(h, "h", 2, first(c));
        bar(h, "l", 7, second(c));
        bar(h, "r", 12, c.rssPeakBytes());
        h.append("</svg></div>\n");
    }

    /** The class's full name and role, its three numbers, its outcome, duration and probe; escaped. */
    private static String tooltip(Report.ClassEntry c, String role) {
        StringBuilder text = new StringBuilder(Html.escape(c.name()));
        text.append(role == null ? "" : " (" + role + ")");
        if (c.own() != null) {
            text.append("\nneeded ").append(Html.escape(OwnText.needed(c.own())));
            text.append(" · kept ").append(Html.escape(OwnText.kept(c.own())));
            text.append(" · allocated ").append(Size.format(c.own().allocatedBytes()));
        }
        text.append("\nthe fork's: heap peak ").append(Size.format(c.heapPeakBytes()));
        text.append(" · live heap peak ").append(Size.format(c.liveHeapPeakBytes()));
        text.append(" · RSS peak ").append(Size.format(c.rssPeakBytes()));
        text.append('\n').append(Html.escape(c.outcome()));
        if (c.durationMs() >= 0) {
            text.append(" in ").append(Durations.format(c.durationMs()));
        }
        if (c.probe() > 0) {
            text.append(", probe ").append(c.probe());
        }
        return text.toString();
    }

    private boolean ownFigures() {
        return report.classes().stream().anyMatch(c -> c.own() != null);
    }

    /** The upper bar: what the class needed, or the fork's heap peak in a report without own figures. */
    private static long first(Report.ClassEntry c) {
        return c.own() != null ? c.own().neededBytes() : c.heapPeakBytes();
    }

    /** The middle bar: what the class kept, or the fork's live heap peak in a report without own figures. */
    private static long second(Report.ClassEntry c) {
        return c.own() != null ? c.own().keptBytes() : c.liveHeapPeakBytes();
    }

    private void bar(StringBuilder h, String css, int y, long bytes) {
        if (bytes > 0) {
            h.append(Svg.hbar(css, y, 4, x(bytes)));
        }
    }

    /**
     * The class's simple name, shortened in the middle with an ellipsis to fit the label column (both ends of a test
     * class name tell classes apart); the tooltip has the whole name.
     */
    static String label(String className) {
        String simple = ReportText.simple(className);
        if (simple.length() <= LABEL_CHARS) {
            return simple;
        }
        int head = (LABEL_CHARS - 1) / 2;
        return simple.substring(0, head) + "…" + simple.substring(simple.length() - (LABEL_CHARS - 1 - head));
    }

    /** An axis label: exact, in the largest unit that keeps it at least 1 ({@code 768 MiB}, {@code 1.25 GiB}). */
    static String tickLabel(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return BigDecimal.valueOf(value)
                        .setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString() + " " + units[unit];
    }

    /** A power of two of at least 1 KiB that splits {@code max} into at most {@value #TICKS} steps. */
    static long tickFor(long max) {
        long step = 1024;
        while (step * TICKS < max) {
            step *= 2;
        }
        return step;
    }

    /** Where {@code bytes} is on the plot, as a percentage of its width. */
    String x(long bytes) {
        return Html.percent(bytes, axisMax);
    }

    long axisMax() {
        return axisMax;
    }

    /** The heap limit (set, or else the fork JVM's default) and memprobe's memory limit, those that are known. */
    static List<Limit> limits(Report report) {
        List<Limit> limits = new ArrayList<>();
        Report.Settings s = report.settings();
        if (s.maxHeapBytes() > 0) {
            String xmx = "-Xmx" + Size.toJvm(s.maxHeapBytes());
            limits.add(new Limit(
                    "xmx", xmx, "max heap " + xmx + " (" + Size.format(s.maxHeapBytes()) + ")", s.maxHeapBytes()));
        } else if (report.environment().defaultMaxHeapBytes() > 0) {
            long bytes = report.environment().defaultMaxHeapBytes();
            limits.add(new Limit(
                    "dflt", "default max heap", "the fork JVM's default max heap (" + Size.format(bytes) + ")", bytes));
        }
        if (s.memoryLimitBytes() > 0) {
            String text = "memory limit " + Size.format(s.memoryLimitBytes()) + " (RSS)";
            limits.add(new Limit("limit", "memory limit", text, s.memoryLimitBytes()));
        }
        return limits;
    }

    /** A vertical line across the chart: its CSS class, its short label on the axis, its legend text, its value. */
    record Limit(String css, String label, String description, long bytes) {}
}
