package dev.memprobe.recorder;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The test in flight in a recorded fork, kept where a {@code SIGKILL} cannot take it and no system call is made: a
 * page of a file beside the journal, mapped into the fork's memory once and written with plain stores (the page cache
 * keeps what was stored when the process dies). A journal line written through per test costs two {@code write}
 * calls a test, which on a suite of 70,000 short tests is most of what recording costs; the journal keeps the lines
 * that say something (classes, failures, the fork's end) and this file the one fact a kill would otherwise lose,
 * which test was running.
 *
 * <p>The file ({@code <journal>.test}, {@value #SIZE} bytes) holds a header and two areas; a test's start fills the
 * area not in use and then points the header at it, so that a kill in the middle leaves the previous test's area
 * whole; its end is a single aligned {@code int} store of the area's state. Layout, big-endian:
 *
 * <pre>
 *   0  int  magic 'MPT1'
 *   4  int  the area in use: 0 or 1, -1 before the first test
 *   8 + area * 2040:  int class (the class-start line's seq), int state (1 running, 2 ended),
 *                     long start (epoch ms), int length, the method's name in UTF-8 (cut at a character)
 * </pre>
 *
 * <p>The mapping is never unmapped (that needs {@code sun.misc.Unsafe} before JDK 22): one page for the JVM's life.
 * Only the recorder's test thread writes here, under the recorder's lock.
 */
public final class TestInFlight {

    public static final String SUFFIX = ".test";
    static final int SIZE = 4096;

    private static final int MAGIC = 0x4d505431; // "MPT1"
    private static final int HEADER = 8;
    private static final int AREA = (SIZE - HEADER) / 2;
    private static final int NAME_AT = 20;
    private static final int RUNNING = 1;
    private static final int ENDED = 2;

    private final MappedByteBuffer page;
    private int area = -1;
    /** Written between an area's contents and the header that points at it: no store moves across it. */
    @SuppressWarnings("unused")
    private volatile int fence;

    private TestInFlight(MappedByteBuffer page) {
        this.page = page;
    }

    /** The file beside {@code journal}. */
    public static File beside(File journal) {
        String name = journal.getName();
        String base = name.endsWith(JournalName.SUFFIX)
                ? name.substring(0, name.length() - JournalName.SUFFIX.length())
                : name;
        return new File(journal.getParentFile(), base + SUFFIX);
    }

    /** Creates {@code file} (one page) and maps it. */
    public static TestInFlight create(File file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.setLength(SIZE);
            MappedByteBuffer page = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
            page.putInt(4, -1);
            page.putInt(0, MAGIC);
            return new TestInFlight(page);
        }
    }

    /** A test of the class journaled with {@code classSeq} started. */
    public void started(int classSeq, String method) {
        int next = area == 0 ? 1 : 0;
        int at = HEADER + next * AREA;
        byte[] name = method == null ? new byte[0] : method.getBytes(StandardCharsets.UTF_8);
        int length = cut(name, AREA - NAME_AT);
        page.putInt(at, classSeq);
        page.putInt(at + 4, RUNNING);
        page.putLong(at + 8, System.currentTimeMillis());
        page.putInt(at + 16, length);
        for (int i = 0; i < length; i++) {
            page.put(at + NAME_AT + i, name[i]);
        }
        fence = next;
        page.putInt(4, next);
        area = next;
    }

    /** The test that started last ended. */
    public void ended() {
        if (area >= 0) {
            page.putInt(HEADER + area * AREA + 4, ENDED);
        }
    }

    /** How many bytes of {@code name} fit in {@code room} without cutting a character. */
    private static int cut(byte[] name, int room) {
        if (name.length <= room) {
            return name.length;
        }
        int length = room;
        while (length > 0 && (name[length] & 0xC0) == 0x80) {
            length--;
        }
        return length;
    }

    /**
     * What {@code file} says: the test running when the fork stopped, or null when none ran (between two tests, no
     * test yet), or when the file is missing, short or not one of these.
     */
    public static Running read(File file) {
        if (!file.isFile() || file.length() < SIZE) {
            return null;
        }
        byte[] bytes = new byte[SIZE];
        try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
            raf.readFully(bytes);
        } catch (IOException e) {
            return null;
        }
        ByteBuffer page = ByteBuffer.wrap(bytes);
        int area = page.getInt(4);
        if (page.getInt(0) != MAGIC || (area != 0 && area != 1)) {
            return null;
        }
        int at = HEADER + area * AREA;
        int length = page.getInt(at + 16);
        if (page.getInt(at + 4) != RUNNING || length < 0 || length > AREA - NAME_AT) {
            return null;
        }
        String method = new String(bytes, at + NAME_AT, length, StandardCharsets.UTF_8);
        return new Running(page.getInt(at), method.isEmpty() ? null : method, page.getLong(at + 8));
    }

    /** The test a fork was running when it stopped. */
    public static final class Running {
        private final int classSeq;
        private final String method;
        private final long started;

        Running(int classSeq, String method, long started) {
            this.classSeq = classSeq;
            this.method = method;
            this.started = started;
        }

        /** The seq of the class's {@code class-start} line. */
        public int classSeq() {
            return classSeq;
        }

        /** The test method (or display name), null when the framework gave none. */
        public String method() {
            return method;
        }

        /** When it started, epoch ms. */
        public long started() {
            return started;
        }
    }
}
