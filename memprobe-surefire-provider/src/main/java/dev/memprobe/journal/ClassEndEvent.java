package dev.memprobe.journal;

import java.util.Collections;
import java.util.List;

/** {@code class-end}: a test class ended, with its test counts and measurements. */
public final class ClassEndEvent extends JournalEvent {

    private final String className;
    private final int seq;
    private final TestCounts counts;
    private final Measures measures;
    private final List<HistogramRow> histogram;

    ClassEndEvent(
            long time, String className, int seq, TestCounts counts, Measures measures, List<HistogramRow> histogram) {
        super(time);
        this.className = className;
        this.seq = seq;
        this.counts = counts;
        this.measures = measures;
        this.histogram = histogram == null ? null : Collections.unmodifiableList(histogram);
    }

    public String className() {
        return className;
    }

    public int seq() {
        return seq;
    }

    public TestCounts counts() {
        return counts;
    }

    /** The class's measurements ({@link Measures#NONE} when the meters could not measure it). */
    public Measures measures() {
        return measures;
    }

    /** The object types the class left behind, largest growth first; null when no histogram was taken. */
    public List<HistogramRow> histogram() {
        return histogram;
    }

    @Override
    public EventType type() {
        return EventType.CLASS_END;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.classEnd(this);
    }
}
