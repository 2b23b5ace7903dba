package dev.memprobe.journal;

import java.util.Collections;
import java.util.List;

/** {@code fork}: the fork's JVM, written first, once the provider's meters have started. */
public final class ForkEvent extends JournalEvent {

    private final int format;
    private final long pid;
    private final String javaVersion;
    private final String vendor;
    private final String vm;
    private final long maxHeap;
    private final List<String> collectors;
    private final boolean rssResettable;
    private final long jvmStart;
    private final boolean parallelForcedOff;

    ForkEvent(
            long time,
            int format,
            long pid,
            String javaVersion,
            String vendor,
            String vm,
            long maxHeap,
            List<String> collectors,
            boolean rssResettable,
            long jvmStart,
            boolean parallelForcedOff) {
        super(time);
        this.format = format;
        this.pid = pid;
        this.javaVersion = javaVersion;
        this.vendor = vendor;
        this.vm = vm;
        this.maxHeap = maxHeap;
        this.collectors = Collections.unmodifiableList(collectors);
        this.rssResettable = rssResettable;
        this.jvmStart = jvmStart;
        this.parallelForcedOff = parallelForcedOff;
    }

    /** The {@link Journal#FORMAT} the fork wrote, or -1. */
    public int format() {
        return format;
    }

    /** The fork's process id, or -1. */
    public long pid() {
        return pid;
    }

    public String javaVersion() {
        return javaVersion;
    }

    public String vendor() {
        return vendor;
    }

    public String vm() {
        return vm;
    }

    /** The heap's maximum in bytes, or -1 when undefined. */
    public long maxHeap() {
        return maxHeap;
    }

    /** The garbage collectors' names. */
    public List<String> collectors() {
        return collectors;
    }

    /** Whether the fork can reset its RSS high-water mark per class. */
    public boolean rssResettable() {
        return rssResettable;
    }

    /** When the fork's JVM started (epoch ms), or -1. */
    public long jvmStart() {
        return jvmStart;
    }

    /** Whether the provider switched the project's JUnit parallel execution off. */
    public boolean parallelForcedOff() {
        return parallelForcedOff;
    }

    @Override
    public EventType type() {
        return EventType.FORK;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.fork(this);
    }
}
