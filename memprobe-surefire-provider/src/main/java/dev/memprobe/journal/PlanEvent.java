package dev.memprobe.journal;

import java.util.Collections;
import java.util.List;

/** {@code plan}: the classes the fork is about to run, in run order. */
public final class PlanEvent extends JournalEvent {

    private final List<String> classes;

    PlanEvent(long time, List<String> classes) {
        super(time);
        this.classes = Collections.unmodifiableList(classes);
    }

    public List<String> classes() {
        return classes;
    }

    @Override
    public EventType type() {
        return EventType.PLAN;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.plan(this);
    }
}
