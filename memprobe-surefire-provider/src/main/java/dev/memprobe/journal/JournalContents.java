package dev.memprobe.journal;

import java.util.ArrayList;
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

    /**
     * These contents with a test of the class journaled as {@code classSeq} in flight, as a {@code test-start} line
     * would have said, after the last line of that class; unchanged when that class ended or never started. A
     * recording keeps its test in flight beside the journal rather than in a line per test.
     */
    public JournalContents withTestInFlight(int classSeq, String method, long started) {
        String className = null;
        int after = -1;
        for (int i = 0; i < events.size(); i++) {
            JournalEvent event = events.get(i);
            if (event instanceof ClassStartEvent && ((ClassStartEvent) event).seq() == classSeq) {
                className = ((ClassStartEvent) event).className();
                after = i;
            } else if (className == null) {
                continue;
            } else if (event instanceof ClassEndEvent && ((ClassEndEvent) event).seq() == classSeq) {
                return this;
            } else if (event instanceof TestStartEvent && className.equals(((TestStartEvent) event).className())
                    || event instanceof TestEndEvent && className.equals(((TestEndEvent) event).className())) {
                after = i;
            }
        }
        if (className == null) {
            return this;
        }
        List<JournalEvent> with = new ArrayList<>(events);
        with.add(after + 1, new TestStartEvent(started, className, method));
        return new JournalContents(with, tornLines, problems, absence);
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
