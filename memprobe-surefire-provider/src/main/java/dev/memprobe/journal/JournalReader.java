package dev.memprobe.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads a journal back. Every complete line is used; a last line without its newline (the fork died while writing
 * it) is counted as torn and left out; a line in the middle that is not a journal record is counted and reported,
 * never guessed at.
 */
public final class JournalReader {

    private JournalReader() {}

    /** Reads the journal at {@code file}; a missing or unreadable file is reported in the result, not thrown. */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(
                    Collections.<JournalEntry>emptyList(),
                    0,
                    Collections.<String>emptyList(),
                    false,
                    "the journal " + file + " was never written: the fork died before memprobe's provider started");
        } catch (IOException e) {
            return new Contents(
                    Collections.<JournalEntry>emptyList(),
                    0,
                    Collections.<String>emptyList(),
                    false,
                    "the journal " + file + " cannot be read: " + e.getMessage());
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses journal text (the contents of a journal file). */
    public static Contents parse(String text) {
        List<JournalEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int torn = 0;
        int start = 0;
        int lineNumber = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            boolean complete = end >= 0;
            String line = complete ? text.substring(start, end) : text.substring(start);
            start = complete ? end + 1 : text.length();
            lineNumber++;
            if (line.trim().isEmpty()) {
                continue;
            }
            if (!complete) {
                torn++;
                continue;
            }
            try {
                Map<String, Object> fields = Json.parseObject(line);
                if (!(fields.get(Journal.EVENT) instanceof String)) {
                    problems.add("line " + lineNumber + " has no event name");
                    continue;
                }
                entries.add(new JournalEntry(lineNumber, fields));
            } catch (Json.JsonException e) {
                problems.add("line " + lineNumber + " is not a journal record (" + e.getMessage() + ")");
            }
        }
        return new Contents(entries, torn, problems, true, null);
    }

    /** What a journal held. */
    public static final class Contents {
        private final List<JournalEntry> entries;
        private final int tornLines;
        private final List<String> problems;
        private final boolean present;
        private final String absence;

        Contents(List<JournalEntry> entries, int tornLines, List<String> problems, boolean present, String absence) {
            this.entries = Collections.unmodifiableList(entries);
            this.tornLines = tornLines;
            this.problems = Collections.unmodifiableList(problems);
            this.present = present;
            this.absence = absence;
        }

        /** The complete records, in the order they were written. */
        public List<JournalEntry> entries() {
            return entries;
        }

        /** Lines cut off by the fork's death (0 or 1). */
        public int tornLines() {
            return tornLines;
        }

        /** Lines that were complete but not journal records. */
        public List<String> problems() {
            return problems;
        }

        /** Whether the journal file existed and could be read. */
        public boolean present() {
            return present;
        }

        /** Why there is no journal, when {@link #present()} is false. */
        public String absence() {
            return absence;
        }
    }
}
