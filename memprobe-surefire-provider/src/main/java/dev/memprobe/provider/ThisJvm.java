package dev.memprobe.provider;

import java.lang.management.ManagementFactory;

/** What the fork's line says about the JVM it runs in. Public: the recorder of a project's own run says the same. */
public final class ThisJvm {

    private ThisJvm() {}

    /**
     * This JVM's process id: {@code ProcessHandle} where there is one (Java 9 and later; this jar runs on 8 too).
     * Not the runtime bean's name, {@code pid@host}: it looks the host's name up, which takes seconds where the
     * resolver is slow.
     */
    public static long pid() {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Object current = handle.getMethod("current").invoke(null);
            return (Long) handle.getMethod("pid").invoke(current);
        } catch (ReflectiveOperationException | RuntimeException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            try {
                return Long.parseLong(at > 0 ? name.substring(0, at) : name);
            } catch (NumberFormatException notANumber) {
                return -1;
            }
        }
    }

    /** When this JVM started, epoch ms. */
    public static long startTime() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
