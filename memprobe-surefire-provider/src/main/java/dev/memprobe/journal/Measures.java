package dev.memprobe.journal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one class used, as the fork measured it and the journal carries it: a value per {@link MeasureField} (-1 for
 * "not measured") and the peak of each heap pool. Immutable.
 */
public final class Measures {

    /** Nothing measured. */
    public static final Measures NONE = builder().build();

    private final long[] values;
    private final Map<String, Long> poolPeaks;

    private Measures(long[] values, Map<String, Long> poolPeaks) {
        this.values = values;
        this.poolPeaks = Collections.unmodifiableMap(poolPeaks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The measurement, or -1 when it was not measured. */
    public long get(MeasureField field) {
        return values[field.ordinal()];
    }

    /** The peak of each heap pool since the class started, by pool name, in the JVM's order. */
    public Map<String, Long> poolPeaks() {
        return poolPeaks;
    }

    /** A copy with {@code field} set to {@code value} (-1: not measured). */
    public Measures with(MeasureField field, long value) {
        long[] copy = values.clone();
        copy[field.ordinal()] = value < 0 ? -1 : value;
        return new Measures(copy, new LinkedHashMap<>(poolPeaks));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Measures{");
        for (MeasureField field : MeasureField.values()) {
            if (get(field) >= 0) {
                text.append(field.key()).append('=').append(get(field)).append(' ');
            }
        }
        return text.append(poolPeaks).append('}').toString();
    }

    /** Collects the measurements of one class. Not thread-safe. */
    public static final class Builder {
        private final long[] values = new long[MeasureField.values().length];
        private final Map<String, Long> poolPeaks = new LinkedHashMap<>();

        private Builder() {
            Arrays.fill(values, -1);
        }

        /** Sets a measurement; a negative value means "not measured". */
        public Builder set(MeasureField field, long value) {
            values[field.ordinal()] = value < 0 ? -1 : value;
            return this;
        }

        public Builder poolPeak(String pool, long used) {
            poolPeaks.put(pool, used);
            return this;
        }

        public Measures build() {
            return new Measures(values.clone(), new LinkedHashMap<>(poolPeaks));
        }
    }
}
