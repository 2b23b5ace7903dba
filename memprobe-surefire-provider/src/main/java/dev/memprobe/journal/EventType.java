package dev.memprobe.journal;

/** The events of the journal, each with the name its lines carry in {@code event}. */
public enum EventType {
    FORK("fork"),
    PLAN("plan"),
    CLASS_START("class-start"),
    TEST_START("test-start"),
    TEST_END("test-end"),
    CLASS_END("class-end"),
    NEAR_LIMIT("near-limit"),
    GC_OVERHEAD("gc-overhead"),
    ERROR("error"),
    RECOVERED("recovered"),
    SHUTDOWN("shutdown"),
    RUN_END("run-end"),
    MEMORY("memory"),
    HEAP_DUMP("heap-dump"),
    THREADS_LEFT("threads-left");

    private final String name;

    EventType(String name) {
        this.name = name;
    }

    /** The name in the journal line. */
    String journalName() {
        return name;
    }

    /** The event of that name, or null for a name this version does not know (a newer provider's event). */
    static EventType named(String name) {
        for (EventType type : values()) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
