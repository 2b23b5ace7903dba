package dev.memprobe.report.html;

import dev.memprobe.report.ProbeDetail;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportText;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One probe's memory over the fork's time, from the journal's samples: heap in use, live heap (heap after the latest
 * collection) and RSS as lines, each class's run shaded (hover one for its name), the {@code -Xmx} and the memory
 * limit as horizontal lines. The shapes are in an SVG stretched to the chart's width; the axis labels in a second SVG
 * over it, placed by percentages, so that they keep the page's font size.
 */
final class ProbeMemoryChart {

    /** More samples than this are drawn as the highest of neighbouring samples: the picture stays light. */
    static final int POINTS = 600;

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 200;

    private final ProbeDetail.Timeline timeline;
    private final List<MemoryChart.Limit> limits;
    private final long duration;
    private final long axisMax;
    private final long tick;

    ProbeMemoryChart(ProbeDetail.Timeline timeline, Report report) {
        this.timeline = timeline;
        this.limits = limits(timeline, report);
        this.duration = Math.max(1, timeline.endMs() - timeline.startMs());
        long max = 1L << 20;
        for (ProbeDetail.Sample s : timeline.samples()) {
            max = Math.max(max, Math.max(s.heapUsed(), Math.max(s.liveHeap(), s.rss())));
        }
        for (MemoryChart.Limit limit : limits) {
            max = Math.max(max, limit.bytes());
        }
        this.tick = MemoryChart.tickFor(max);
        this.axisMax = (max + max / 20 + tick - 1) / tick * tick;
    }

    /** The heap limit (set, else the fork JVM's own) and memprobe's memory limit. */
    private static List<MemoryChart.Limit> limits(ProbeDetail.Timeline timeline, Report report) {
        List<MemoryChart.Limit> limits = new ArrayList<>(MemoryChart.limits(report));
        boolean heapKnown = limits.stream().anyMatch(l -> !l.css().equals("limit"));
        if (!heapKnown && timeline.maxHeap() > 0) {
            String xmx = "-Xmx" + Size.toJvm(timeline.maxHeap());
            limits.add(0, new MemoryChart.Limit("dflt", xmx, "the fork's max heap " + xmx, timeline.maxHeap()));
        }
        return limits;
    }

    void render(StringBuilder h, String label) {
        h.append("<div class=\"chart timechart\"><div class=\"stack\">");
        h.append("<svg class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT);
        h.append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"").append(Html.escape(label));
        h.append("\">\n");
        int i = 0;
        for (ProbeDetail.ClassSpan c : timeline.classes()) {
            double from = x(c.startMs());
            double to = x(c.endMs() < 0 ? timeline.endMs() : c.endMs());
            h.append("<rect class=\"span ")
                    .append(i++ % 2 == 0 ? "a" : "b")
                    .append("\" x=\"")
                    .append(Html.num(from));
            h.append("\" y=\"0\" width=\"")
                    .append(Html.num(Math.max(to - from, 0.5)))
                    .append("\" height=\"");
            h.append(HEIGHT).append("\"><title>").append(Html.escape(c.className()));
            h.append(c.endMs() < 0 ? " (the fork ended in it)" : " · " + Durations.format(c.endMs() - c.startMs()));
            h.append("</title></rect>");
            h.append(Svg.line("edge", from, 0, from, HEIGHT, null));
        }
        h.append('\n');
        for (long t = tick; t < axisMax; t += tick) {
            h.append(Svg.line("grid", 0, y(t), WIDTH, y(t), null));
        }
        polyline(h, "u", ProbeDetail.Sample::heapUsed);
        polyline(h, "lv", ProbeDetail.Sample::liveHeap);
        polyline(h, "rs", ProbeDetail.Sample::rss);
        for (MemoryChart.Limit limit : limits) {
            h.append(Svg.line(
                    limit.css(), 0, y(limit.bytes()), WIDTH, y(limit.bytes()), Html.escape(limit.description())));
        }
        h.append("\n</svg><svg class=\"labels\" aria-hidden=\"true\">");
        long step = tick * Math.max(1, (axisMax / tick + 3) / 4);
        for (long t = step; t < axisMax; t += step) {
            h.append(Svg.text(null, "4", Html.percent(y(t), HEIGHT), "start", MemoryChart.tickLabel(t)));
        }
        for (MemoryChart.Limit limit : limits) {
            h.append(Svg.text(
                    "lim", "99.5%", Html.percent(y(limit.bytes()), HEIGHT), "end", Html.escape(limit.label())));
        }
        h.append(Svg.text(null, "0.5%", "99%", "start", "0 s"));
        h.append(Svg.text(null, "99.5%", "99%", "end", Html.escape(Durations.format(duration))));
        h.append("</svg></div>\n");
        h.append("<div class=\"legend\"><span><i class=\"sw u\"></i>heap in use</span>");
        h.append("<span><i class=\"sw lv\"></i>live heap (after the latest GC)</span>");
        h.append("<span><i class=\"sw rs\"></i>RSS</span>");
        for (MemoryChart.Limit limit : limits) {
            h.append("<span><i class=\"sw ").append(limit.css()).append("\"></i>");
            h.append(Html.escape(limit.description())).append("</span>");
        }
        h.append("<span><i class=\"sw span\"></i>a class's run (hover for its name)</span></div>\n");
        h.append("<p class=\"sub\">")
                .append(Html.count(timeline.samples().size()))
                .append(" samples over ");
        h.append(Html.escape(Durations.format(duration))).append(" of the fork's time, ");
        h.append(Html.plural(timeline.classes().size(), "class", "classes")).append(": ");
        h.append(subset(timeline.classes())).append(".</p></div>\n");
    }

    private static String subset(List<ProbeDetail.ClassSpan> classes) {
        if (classes.isEmpty()) {
            return "none started";
        }
        String first = Html.wrappable(ReportText.simple(classes.get(0).className()));
        if (classes.size() == 1) {
            return first;
        }
        return first + " … "
                + Html.wrappable(
                        ReportText.simple(classes.get(classes.size() - 1).className()));
    }

    /** A line through the samples' values (the highest of each bucket past {@value #POINTS}); gaps where unmeasured. */
    private void polyline(StringBuilder h, String css, ToLongFunction<ProbeDetail.Sample> value) {
        List<ProbeDetail.Sample> samples = timeline.samples();
        int buckets = Math.min(samples.size(), POINTS);
        StringBuilder points = new StringBuilder();
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * samples.size() / buckets);
            int to = (int) ((long) (b + 1) * samples.size() / buckets);
            long max = -1;
            long at = samples.get(from).atMs();
            for (int i = from; i < to; i++) {
                long v = value.applyAsLong(samples.get(i));
                if (v > max) {
                    max = v;
                    at = samples.get(i).atMs();
                }
            }
            if (max >= 0) {
                points.append(points.length() == 0 ? "" : " ")
                        .append(Html.num(x(at)))
                        .append(',')
                        .append(Html.num(y(max)));
            }
        }
        if (points.length() > 0) {
            h.append("<polyline class=\"")
                    .append(css)
                    .append("\" points=\"")
                    .append(points)
                    .append("\"/>");
        }
    }

    private double x(long atMs) {
        return (double) WIDTH * Math.max(0, atMs - timeline.startMs()) / duration;
    }

    private double y(long bytes) {
        return HEIGHT - (double) (HEIGHT - 4) * Math.min(Math.max(bytes, 0), axisMax) / axisMax;
    }
}
