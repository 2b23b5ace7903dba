package dev.memprobe.provider;

import java.io.File;
import java.io.IOException;
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
            // Linux: the link /proc/self names the process; ProcessHandle's first use costs some 10 ms of class loading
            long linked =
                    Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
            if (linked > 0) {
                return linked;
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: ask the JVM
        }
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
