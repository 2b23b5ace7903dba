package dev.memprobe.provider;

import dev.memprobe.journal.HistogramRow;
import dev.memprobe.journal.MeasureField;
import dev.memprobe.journal.Measures;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.Histogram;
import java.util.List;

/**
 * The live-object histograms around one class the plugin asks about: the object types it left behind, and, since a
 * histogram collects all garbage first, exactly how much heap it kept.
 */
final class ClassHistogram {

    private final ClassMeter meter;
    private final Histogram before;
    /** Heap used right after the full collection of the first histogram: exact, not sampled. */
    private final long heapBefore;

    private ClassHistogram(ClassMeter meter, Histogram before, long heapBefore) {
        this.meter = meter;
        this.before = before;
        this.heapBefore = heapBefore;
    }

    /** Takes the histogram before the class. */
    static ClassHistogram begin(ClassMeter meter) {
        Histogram before = Histogram.take();
        return new ClassHistogram(meter, before, meter.heapUsed());
    }

    /** The class's end: the {@code top} types that grew most; {@link #exact} then uses the collection this made. */
    List<HistogramRow> end(int top) {
        return Histogram.take().topGrowth(before, top);
    }

    /** {@code measures} with the live heap before the class and the heap it kept, both after full collections. */
    Measures exact(Measures measures) {
        return measures.with(MeasureField.LIVE_BEFORE, heapBefore).with(MeasureField.RETAINED, meter.heapUsed());
    }
}
