package dev.memprobe.journal;

/**
 * {@code heap-dump}: the fork wrote a heap dump of live objects for a class the plugin asked about (or says why it
 * wrote none), so that the plugin can name what holds the memory. Written after the dump file is complete.
 */
public final class HeapDumpEvent extends JournalEvent {

    /** When the dump was taken. */
    public enum Phase {
        /** Before the class started: the baseline a polluter's end dump is compared with. */
        START("start"),
        /** After the class ended: what it left behind, with everything earlier. */
        END("end"),
        /** At the class's memory error: what filled the memory (the JVM's own dump for a heap error). */
        ERROR("error");

        private final String name;

        Phase(String name) {
            this.name = name;
        }

        public String journalName() {
            return name;
        }

        /** The phase of that name, or null. */
        public static Phase named(String name) {
            for (Phase phase : values()) {
                if (phase.name.equals(name)) {
                    return phase;
                }
            }
            return null;
        }
    }

    private final String className;
    private final Phase phase;
    private final String file;
    private final long bytes;
    private final long millis;
    private final boolean compressedOops;
    private final String skipped;

    HeapDumpEvent(
            long time,
            String className,
            Phase phase,
            String file,
            long bytes,
            long millis,
            boolean compressedOops,
            String skipped) {
        super(time);
        this.className = className;
        this.phase = phase;
        this.file = file;
        this.bytes = bytes;
        this.millis = millis;
        this.compressedOops = compressedOops;
        this.skipped = skipped;
    }

    public String className() {
        return className;
    }

    /** The phase, or null for one this version does not know. */
    public Phase phase() {
        return phase;
    }

    /** The dump's absolute path; null when none was written. */
    public String file() {
        return file;
    }

    /** The file's size, or -1. */
    public long bytes() {
        return bytes;
    }

    /** How long writing it stopped the fork, or -1 (unknown for the JVM's own dump on an error). */
    public long millis() {
        return millis;
    }

    /** Whether the fork's JVM compresses object references (shallow sizes depend on it). */
    public boolean compressedOops() {
        return compressedOops;
    }

    /** Why no dump was written (no HotSpot bean, too little disk), or null when one was. */
    public String skipped() {
        return skipped;
    }

    @Override
    public EventType type() {
        return EventType.HEAP_DUMP;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.heapDump(this);
    }
}
