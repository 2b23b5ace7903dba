package dev.memprobe.provider;

import dev.memprobe.journal.Journal;
import java.util.Map;

/**
 * Tells, from the threads' stacks while shutdown hooks run, why the JVM is exiting: a call to {@code System.exit}
 * (and from where) or a signal such as the {@code SIGTERM} a CI timeout sends.
 */
final class ExitTrigger {

    private ExitTrigger() {}

    /** Returns {trigger, caller}: the trigger is one of Journal's TRIGGER_ values, the caller may be null. */
    static String[] find(Map<Thread, StackTraceElement[]> stacks) {
        for (Thread thread : stacks.keySet()) {
            String name = thread.getName();
            if (name.startsWith("SIG") && name.endsWith(" handler")) {
                return new String[] {Journal.TRIGGER_SIGNAL, name.substring(0, name.length() - " handler".length())};
            }
        }
        for (StackTraceElement[] stack : stacks.values()) {
            for (int i = 0; i < stack.length; i++) {
                if (isExit(stack[i])) {
                    int caller = i + 1;
                    while (caller < stack.length && isExit(stack[caller])) {
                        caller++;
                    }
                    return new String[] {Journal.TRIGGER_EXIT, caller < stack.length ? stack[caller].toString() : null};
                }
            }
        }
        return new String[] {Journal.TRIGGER_UNKNOWN, null};
    }

    private static boolean isExit(StackTraceElement frame) {
        String type = frame.getClassName();
        String method = frame.getMethodName();
        return ("java.lang.System".equals(type) && "exit".equals(method))
                || ("java.lang.Runtime".equals(type) && ("exit".equals(method) || "halt".equals(method)))
                || "java.lang.Shutdown".equals(type);
    }
}
