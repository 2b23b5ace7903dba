package dev.memprobe.measure;

import java.io.File;
import java.lang.management.ManagementFactory;

/**
 * Heap dumps of live objects through the JDK's own {@code HotSpotDiagnosticMXBean}: one now ({@link #dump}, which
 * collects all garbage first), or one the JVM writes itself when an {@code OutOfMemoryError} is thrown
 * ({@link #armOnOutOfMemory}: the two flags are manageable, so this turns them on for one class and puts them back).
 * The JVM's own dump on the error is the one that still holds what filled the heap: by the time the error reaches the
 * provider, the frames that held it are gone.
 *
 * <p>Expensive (the fork stops while the file is written, about 0.7 s for 256 MiB) and large (about 1.3 times the
 * live heap): only for the classes the plugin asks about, and only where the disk has room.
 */
public final class HeapDumper {

    /** A dump file takes about this many times the live heap (8-byte ids, record headers). */
    static final double FILE_PER_HEAP = 1.3;

    /** Room left on the disk besides the dump. */
    static final long DISK_RESERVE = 64L << 20;

    private static final String ON_ERROR = "HeapDumpOnOutOfMemoryError";
    private static final String PATH = "HeapDumpPath";

    private final com.sun.management.HotSpotDiagnosticMXBean bean;
    private final String unavailable;
    private String[] before;

    private HeapDumper(com.sun.management.HotSpotDiagnosticMXBean bean, String unavailable) {
        this.bean = bean;
        this.unavailable = unavailable;
    }

    /** The dumper of this JVM; one that says why it cannot dump where the JVM has no HotSpot diagnostic bean. */
    public static HeapDumper create() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (bean != null) {
                return new HeapDumper(bean, null);
            }
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot
        }
        return new HeapDumper(
                null,
                "this JVM (" + System.getProperty("java.vm.name") + ") has no HotSpotDiagnosticMXBean to write a heap"
                        + " dump with");
    }

    /** Why this JVM cannot write heap dumps, or null when it can. */
    public String unavailable() {
        return unavailable;
    }

    /** Whether object references are 4 bytes in this JVM (true where it cannot be told). */
    public boolean compressedOops() {
        if (bean == null) {
            return true;
        }
        try {
            return !"false".equals(bean.getVMOption("UseCompressedOops").getValue());
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Why a dump of {@code heapBytes} cannot go to {@code file}'s disk, or null when it fits.
     *
     * @param heapBytes the heap the dump will hold
     */
    public static String noRoomFor(File file, long heapBytes) {
        File folder = file.getAbsoluteFile().getParentFile();
        long free = folder == null ? 0 : folder.getUsableSpace();
        long needed = (long) (heapBytes * FILE_PER_HEAP) + DISK_RESERVE;
        if (free > 0 && free < needed) {
            return "the disk has " + (free >> 20) + " MiB free and a dump of a " + (heapBytes >> 20)
                    + " MiB heap needs about " + (needed >> 20) + " MiB";
        }
        return null;
    }

    /**
     * Writes a dump of the live objects to {@code file} (which must not exist and must end in {@code .hprof}).
     *
     * @return how long it took, in milliseconds
     * @throws java.io.IOException when the dump cannot be written
     */
    public long dump(File file) throws java.io.IOException {
        if (bean == null) {
            throw new IllegalStateException(unavailable);
        }
        long started = System.nanoTime();
        bean.dumpHeap(file.getAbsolutePath(), true);
        return (System.nanoTime() - started) / 1_000_000L;
    }

    /**
     * Makes the JVM write a dump to {@code file} when an {@code OutOfMemoryError} is thrown, until {@link #disarm};
     * the flags' earlier values (the project's own) are kept to be put back.
     *
     * @return whether the JVM will
     */
    public boolean armOnOutOfMemory(File file) {
        if (bean == null) {
            return false;
        }
        try {
            if (before == null) {
                before = new String[] {
                    bean.getVMOption(ON_ERROR).getValue(),
                    bean.getVMOption(PATH).getValue()
                };
            }
            bean.setVMOption(PATH, file.getAbsolutePath());
            bean.setVMOption(ON_ERROR, "true");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Puts the flags {@link #armOnOutOfMemory} changed back as the project had them. */
    public void disarm() {
        if (bean == null || before == null) {
            return;
        }
        try {
            bean.setVMOption(ON_ERROR, before[0]);
            bean.setVMOption(PATH, before[1]);
        } catch (RuntimeException e) {
            // the flag stays on: at worst the JVM writes one more dump on a later error
        }
        before = null;
    }
}
