package dev.memprobe.journal;

import java.io.Closeable;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Appends journal lines to a file, one {@code write} call per line and no buffer in between: a line the fork has
 * written is in the operating system's hands, so a {@code SIGKILL} a moment later loses nothing of it.
 *
 * <p>Thread-safe: the test thread, the JMX notification thread and a shutdown hook all write here.
 */
public final class JournalWriter implements Closeable {

    private final FileOutputStream out;
    private boolean broken;

    private JournalWriter(FileOutputStream out) {
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it and its folder when needed. */
    public static JournalWriter open(File file) throws IOException {
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs() && !parent.isDirectory()) {
            throw new IOException("cannot create the folder " + parent);
        }
        return new JournalWriter(new FileOutputStream(file, true));
    }

    /** Starts a line for {@code event}, stamped with the current time. */
    public Line line(String event) {
        return new Line(this, event, System.currentTimeMillis());
    }

    /**
     * Whether a write has failed. Writing never throws into the tests: a journal that cannot be written must not
     * change what the tests do, and the plugin notices the missing lines.
     */
    public synchronized boolean isBroken() {
        return broken;
    }

    synchronized void write(byte[] bytes) {
        if (broken) {
            return;
        }
        try {
            out.write(bytes);
        } catch (IOException e) {
            broken = true;
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** One journal line under construction. Not thread-safe; write it from the thread that made it. */
    public static final class Line {
        private final JournalWriter writer;
        private final StringBuilder text = new StringBuilder(256);

        Line(JournalWriter writer, String event, long time) {
            this.writer = writer;
            text.append('{');
            Json.quote(Journal.EVENT, text);
            text.append(':');
            Json.quote(event, text);
            text.append(',');
            Json.quote(Journal.TIME, text);
            text.append(':').append(time);
        }

        /** Adds a field; {@code null} values are left out. */
        public Line put(String key, Object value) {
            if (value != null) {
                text.append(',');
                Json.quote(key, text);
                text.append(':');
                Json.write(value, text);
            }
            return this;
        }

        /** Appends the line to the journal. */
        public void write() {
            text.append('}').append('\n');
            writer.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
