package dev.memprobe.journal;

/** Why the JVM began to exit while tests ran, as a {@code shutdown} line says. */
public enum ShutdownTrigger {
    /** A call to {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}. */
    EXIT("exit"),
    /** A signal such as the {@code SIGTERM} a CI timeout sends. */
    SIGNAL("signal"),
    /** Neither could be seen in the threads' stacks. */
    UNKNOWN("unknown");

    private final String name;

    ShutdownTrigger(String name) {
        this.name = name;
    }

    String journalName() {
        return name;
    }

    /** The trigger of that name, or null for one this version does not know. */
    static ShutdownTrigger named(String name) {
        for (ShutdownTrigger trigger : values()) {
            if (trigger.name.equals(name)) {
                return trigger;
            }
        }
        return null;
    }
}
