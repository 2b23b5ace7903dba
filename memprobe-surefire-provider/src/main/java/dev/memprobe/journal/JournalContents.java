package dev.memprobe.journal;

import java.util.Collections;
import java.util.List;

/** What a journal held, read to its end: the events of its complete lines and what could not be read. */
public final class JournalContents {

    private final List<JournalEvent> events;
    private final int tornLines;
    private final List<String> problems;
    private final String absence;

    JournalContents(List<JournalEvent> events, int tornLines, List<String> problems, String absence) {
        this.events = Collections.unmodifiableList(events);
        this.tornLines = tornLines;
        this.problems = Collections.unmodifiableList(problems);
        this.absence = absence;
    }

    /** The events of the complete lines, in the order they were written; unknown events left out. */
    public List<JournalEvent> events() {
        return events;
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
        return absence == null;
    }

    /** Why there is no journal, when {@link #present()} is false; else null. */
    public String absence() {
        return absence;
    }
}
