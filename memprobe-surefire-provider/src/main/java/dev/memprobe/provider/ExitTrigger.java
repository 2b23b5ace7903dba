package dev.memprobe.provider;

import dev.memprobe.journal.ShutdownTrigger;
import java.util.Map;

/**
 * Tells, from the threads' stacks while shutdown hooks run, why the JVM is exiting: a call to {@code System.exit}
 * (and from where) or a signal such as the {@code SIGTERM} a CI timeout sends.
 */
public final class ExitTrigger {

    private ExitTrigger() {}

    /** Why the JVM exits, and who asked: the frame that called {@code exit}, or the signal's name. */
    public static final class Found {
        public final ShutdownTrigger trigger;
        /** May be null. */
        public final String caller;

        Found(ShutdownTrigger trigger, String caller) {
            this.trigger = trigger;
            this.caller = caller;
        }
    }

    public static Found find(Map<Thread, StackTraceElement[]> stacks) {
        for (Thread thread : stacks.keySet()) {
            String name = thread.getName();
            if (name.startsWith("SIG") && name.endsWith(" handler")) {
                return new Found(ShutdownTrigger.SIGNAL, name.substring(0, name.length() - " handler".length()));
            }
        }
        for (StackTraceElement[] stack : stacks.values()) {
            for (int i = 0; i < stack.length; i++) {
                if (isExit(stack[i])) {
                    int caller = i + 1;
                    while (caller < stack.length && isExit(stack[caller])) {
                        caller++;
                    }
                    return new Found(ShutdownTrigger.EXIT, caller < stack.length ? stack[caller].toString() : null);
                }
            }
        }
        return new Found(ShutdownTrigger.UNKNOWN, null);
    }

    private static boolean isExit(StackTraceElement frame) {
        String type = frame.getClassName();
        String method = frame.getMethodName();
        return ("java.lang.System".equals(type) && "exit".equals(method))
                || ("java.lang.Runtime".equals(type) && ("exit".equals(method) || "halt".equals(method)))
                || "java.lang.Shutdown".equals(type);
    }
}
