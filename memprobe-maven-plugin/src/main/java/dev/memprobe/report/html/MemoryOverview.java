package dev.memprobe.report.html;

import dev.memprobe.report.Report;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The whole run at a glance, above the {@link MemoryChart} when its rows do not fit on screen: run order left to
 * right, memory up, the limits as horizontal lines and each culprit as a vertical mark. Beyond {@value #COLUMNS}
 * classes, neighbouring classes share a column that shows their highest value, so the picture stays the same size
 * however large the suite. The shapes are drawn in an SVG stretched to the chart's width; the tick labels are in a
 * second SVG over it, placed by percentages, so that they keep the page's font size at any width.
 */
final class MemoryOverview {

    static final int COLUMNS = 700;
    private static final int LEFT = 0;
    private static final int RIGHT = 1000;
    private static final int TOP = 4;
    private static final int BOTTOM = 100;

    private final List<Report.ClassEntry> classes;
    private final Map<String, String> roles;
    private final List<MemoryChart.Limit> limits;
    private final long axisMax;
    private final long tick;

    MemoryOverview(
            List<Report.ClassEntry> classes,
            Map<String, String> roles,
            List<MemoryChart.Limit> limits,
            long axisMax,
            long tick) {
        this.classes = classes;
        this.roles = roles;
        this.limits = limits;
        this.axisMax = axisMax;
        this.tick = tick;
    }

    void render(StringBuilder h) {
        int n = classes.size();
        int columns = columns(n);
        h.append("<div class=\"chart overview\" id=\"overview\"><div class=\"stack\">");
        h.append("<svg class=\"plot\" viewBox=\"0 0 ").append(RIGHT).append(' ').append(BOTTOM);
        h.append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Memory of all classes in run order\">\n");
        long step = step();
        for (long t = step; t < axisMax; t += step) {
            h.append(Svg.line("grid", LEFT, y(t), RIGHT, y(t), null));
        }
        h.append('\n');
        // Culprit marks first, so that the class's own spike is drawn over its mark.
        for (int i = 0; i < n; i++) {
            String role = roles.get(classes.get(i).name());
            if (role != null) {
                double x = LEFT + (RIGHT - LEFT) * (i + 0.5) / n;
                String title = Html.escape(classes.get(i).name()) + " (" + role + ", class " + Html.count(i + 1) + ")";
                h.append(Svg.line("mark " + role, x, 0, x, BOTTOM, title)).append('\n');
            }
        }
        h.append(Svg.path("ov-h", area(columns, Report.ClassEntry::heapPeakBytes)))
                .append('\n');
        h.append(Svg.path("ov-l", area(columns, Report.ClassEntry::liveHeapPeakBytes)))
                .append('\n');
        h.append(Svg.path("ov-r", line(columns, Report.ClassEntry::rssPeakBytes)))
                .append('\n');
        for (MemoryChart.Limit limit : limits) {
            double y = y(limit.bytes());
            h.append(Svg.line(limit.css(), LEFT, y, RIGHT, y, Html.escape(limit.description())))
                    .append('\n');
        }
        h.append("</svg><svg class=\"labels\" aria-hidden=\"true\">");
        for (long t = step; t < axisMax; t += step) {
            h.append(Svg.text(null, "4", Html.percent(y(t), BOTTOM), "start", MemoryChart.tickLabel(t)));
        }
        h.append("</svg></div>\n<div class=\"caption\"><span>class 1</span><span>");
        h.append(
                columns < n
                        ? "run order (each column: the highest of about " + Html.count(Math.round((double) n / columns))
                                + " classes)"
                        : "run order");
        h.append("</span><span>class ").append(Html.count(n)).append("</span></div></div>\n");
    }

    /** The distance between two grid lines: a whole number of ticks, at most four lines. */
    private long step() {
        return tick * Math.max(1, (axisMax / tick + 3) / 4);
    }

    /** Path data of a filled step shape: from the baseline, one flat top per column at its highest value. */
    private String area(int columns, ToLongFunction<Report.ClassEntry> value) {
        return steps(columns, value, BOTTOM) + "V" + BOTTOM + "Z";
    }

    /** Path data of a step line through every column's highest value. */
    private String line(int columns, ToLongFunction<Report.ClassEntry> value) {
        return steps(columns, value, y(highest(0, columns, value)));
    }

    private String steps(int columns, ToLongFunction<Report.ClassEntry> value, double startY) {
        StringBuilder d = new StringBuilder();
        d.append('M').append(LEFT).append(',').append(Html.num(startY));
        for (int c = 0; c < columns; c++) {
            d.append('V').append(Html.num(y(highest(c, columns, value))));
            d.append('H').append(Html.num(x(c + 1, columns)));
        }
        return d.toString();
    }

    /** The highest measured value among the classes of column {@code c}; 0 when none was measured. */
    private long highest(int c, int columns, ToLongFunction<Report.ClassEntry> value) {
        int n = classes.size();
        long max = 0;
        for (int i = (int) ((long) c * n / columns); i < (int) ((long) (c + 1) * n / columns); i++) {
            max = Math.max(max, value.applyAsLong(classes.get(i)));
        }
        return max;
    }

    static int columns(int classes) {
        return Math.min(classes, COLUMNS);
    }

    private static double x(int column, int columns) {
        return LEFT + (double) (RIGHT - LEFT) * column / columns;
    }

    private double y(long bytes) {
        return BOTTOM - (double) (BOTTOM - TOP) * Math.min(Math.max(bytes, 0), axisMax) / axisMax;
    }
}
