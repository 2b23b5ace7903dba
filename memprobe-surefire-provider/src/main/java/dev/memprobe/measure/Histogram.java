package dev.memprobe.measure;

import dev.memprobe.journal.HistogramRow;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The live-object histogram ({@code jcmd GC.class_histogram}) through the JVM's DiagnosticCommand MBean, and the
 * difference between two of them: the object types a class left behind. Expensive (a full collection), so taken only
 * for the classes the plugin asks about.
 */
public final class Histogram {

    private final Map<String, long[]> rows;

    private Histogram(Map<String, long[]> rows) {
        this.rows = rows;
    }

    /** Takes a histogram of live objects now, or an empty one where the JVM does not offer it. */
    public static Histogram take() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
            Object text = server.invoke(
                    name, "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return parse(String.valueOf(text));
        } catch (Exception | LinkageError e) {
            return new Histogram(Collections.<String, long[]>emptyMap());
        }
    }

    /**
     * Parses {@code GC.class_histogram} output: {@code "   1:   12  3456  [B (java.base@17)"} lines (JDK 9 and later;
     * JDK 8 has no module column). Rows of the same class name, loaded by different class loaders, are added up.
     */
    static Histogram parse(String text) {
        Map<String, long[]> rows = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 4 || !parts[0].endsWith(":")) {
                continue;
            }
            try {
                long instances = Long.parseLong(parts[1]);
                long bytes = Long.parseLong(parts[2]);
                long[] earlier = rows.get(parts[3]);
                if (earlier == null) {
                    rows.put(parts[3], new long[] {instances, bytes});
                } else {
                    // the same class name from another class loader: a leak of loaders shows as many such rows
                    earlier[0] += instances;
                    earlier[1] += bytes;
                }
            } catch (NumberFormatException e) {
                // a header or total line
            }
        }
        return new Histogram(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The {@code top} types that grew most in bytes from {@code before} to this histogram, with their bytes and
     * instances now and the bytes gained; equal growth in name order.
     */
    public List<HistogramRow> topGrowth(Histogram before, int top) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>(rows.entrySet());
        final Map<String, long[]> earlier = before.rows;
        Collections.sort(grown, new Comparator<Map.Entry<String, long[]>>() {
            @Override
            public int compare(Map.Entry<String, long[]> a, Map.Entry<String, long[]> b) {
                int byGrowth = Long.compare(growth(b, earlier), growth(a, earlier));
                return byGrowth != 0 ? byGrowth : a.getKey().compareTo(b.getKey());
            }
        });
        List<HistogramRow> result = new ArrayList<>();
        for (Map.Entry<String, long[]> row : grown) {
            if (result.size() >= top) {
                break;
            }
            long growth = growth(row, earlier);
            if (growth <= 0) {
                break;
            }
            result.add(new HistogramRow(row.getKey(), row.getValue()[1], row.getValue()[0], growth));
        }
        return result;
    }

    private static long growth(Map.Entry<String, long[]> row, Map<String, long[]> earlier) {
        long[] then = earlier.get(row.getKey());
        return row.getValue()[1] - (then == null ? 0 : then[1]);
    }
}
