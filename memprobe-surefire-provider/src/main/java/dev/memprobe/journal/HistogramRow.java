package dev.memprobe.journal;

/** One object type in the difference of two live-object histograms: what a class left behind of that type. */
public final class HistogramRow {

    private final String type;
    private final long bytes;
    private final long instances;
    private final long growth;

    /**
     * @param bytes the type's live bytes at the class's end
     * @param instances its live instances at the class's end
     * @param growth the bytes it gained during the class
     */
    public HistogramRow(String type, long bytes, long instances, long growth) {
        this.type = String.valueOf(type);
        this.bytes = bytes;
        this.instances = instances;
        this.growth = growth;
    }

    public String type() {
        return type;
    }

    public long bytes() {
        return bytes;
    }

    public long instances() {
        return instances;
    }

    public long growth() {
        return growth;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof HistogramRow)) {
            return false;
        }
        HistogramRow that = (HistogramRow) other;
        return type.equals(that.type) && bytes == that.bytes && instances == that.instances && growth == that.growth;
    }

    @Override
    public int hashCode() {
        return ((type.hashCode() * 31 + Long.hashCode(bytes)) * 31 + Long.hashCode(instances)) * 31
                + Long.hashCode(growth);
    }

    @Override
    public String toString() {
        return type + " " + bytes + " bytes, " + instances + " instances, +" + growth;
    }
}
