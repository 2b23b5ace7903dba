package dev.memprobe.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads a journal as it grows, each line once: while the fork runs, {@link #readNew()} returns the events of the lines
 * completed since the last call; when it has ended, {@link #finish()} reads the rest and gives the whole journal. A
 * line is used once its newline is written; a last line without one (the fork died while writing it) is counted as
 * torn and left out; a complete line that is not a journal record is counted and reported, never guessed at.
 *
 * <p>Thread-safe: a watchdog thread tails the journal while the fork runs, and another thread finishes it.
 */
public final class JournalTail {

    /** At most this much is read per {@link #readNew()}, so that a poll stays short. */
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<JournalEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long offset;
    private int lineNumber;
    private boolean opened;
    private JournalContents finished;

    /** Tails the journal at {@code file}, which need not exist yet. */
    public JournalTail(Path file) {
        this.file = file;
    }

    /** Reads the whole journal at {@code file}; a missing or unreadable file is reported in the result, not thrown. */
    public static JournalContents read(Path file) {
        return new JournalTail(file).finish();
    }

    /** Reads journal text (the contents of a journal file). */
    public static JournalContents parse(String text) {
        JournalTail tail = new JournalTail(null);
        tail.opened = true;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.pending.write(bytes, 0, bytes.length);
        tail.decodeCompleteLines();
        return tail.end(null);
    }

    /**
     * The events of the lines completed since the last call, in order; empty while the file does not exist or
     * nothing new is complete. After {@link #finish()}, always empty.
     */
    public synchronized List<JournalEvent> readNew() {
        if (finished != null) {
            return Collections.emptyList();
        }
        int before = events.size();
        try {
            readFile(CHUNK);
        } catch (IOException e) {
            return Collections.emptyList(); // not written yet, or not now: the next poll tries again
        }
        decodeCompleteLines();
        return new ArrayList<>(events.subList(before, events.size()));
    }

    /**
     * Reads the journal to its end (the fork has ended) and returns all of it: the events {@link #readNew()} has
     * returned and those of the lines after them. Later calls return the same.
     */
    public synchronized JournalContents finish() {
        if (finished == null) {
            String absence = null;
            try {
                while (readFile(CHUNK) > 0) {
                    decodeCompleteLines();
                }
            } catch (NoSuchFileException e) {
                absence = opened
                        ? null
                        : "the journal " + file + " was never written: the fork died before memprobe's provider"
                                + " started";
            } catch (IOException e) {
                absence = opened ? null : "the journal " + file + " cannot be read: " + e.getMessage();
            }
            decodeCompleteLines();
            finished = end(absence);
        }
        return finished;
    }

    /** Appends up to {@code most} bytes written since the last read to {@link #pending}; returns how many. */
    private int readFile(int most) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            opened = true;
            long available = channel.size() - offset;
            if (available <= 0) {
                return 0;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(available, most));
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill the buffer: a read may return less
            }
            offset += buffer.position();
            pending.write(buffer.array(), 0, buffer.position());
            return buffer.position();
        }
    }

    /** Decodes every complete line in {@link #pending} and keeps the rest, a line still being written. */
    private void decodeCompleteLines() {
        byte[] buffered = pending.toByteArray();
        int start = 0;
        for (int i = 0; i < buffered.length; i++) {
            if (buffered[i] == '\n') {
                decode(new String(buffered, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        pending.reset();
        pending.write(buffered, start, buffered.length - start);
    }

    private void decode(String line) {
        lineNumber++;
        if (line.trim().isEmpty()) {
            return;
        }
        try {
            Map<String, Object> fields = Json.parseObject(line);
            if (!(fields.get(Journal.EVENT) instanceof String)) {
                problems.add("line " + lineNumber + " has no event name");
                return;
            }
            JournalEvent event = JournalDecoder.decode(fields);
            if (event != null) {
                events.add(event); // null: a newer provider's event, nothing to read here
            }
        } catch (Json.JsonException e) {
            problems.add("line " + lineNumber + " is not a journal record (" + e.getMessage() + ")");
        }
    }

    private JournalContents end(String absence) {
        if (absence != null) {
            return new JournalContents(
                    Collections.<JournalEvent>emptyList(), 0, Collections.<String>emptyList(), absence);
        }
        String rest = new String(pending.toByteArray(), StandardCharsets.UTF_8);
        int torn = rest.trim().isEmpty() ? 0 : 1;
        return new JournalContents(new ArrayList<>(events), torn, new ArrayList<>(problems), null);
    }
}
