package dev.memprobe.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The JVM's fatal error log ({@code hs_err_pid*.log}), which memprobe points into each probe's folder. */
public final class CrashLog {

    private CrashLog() {}

    /** The {@code -XX:ErrorFile} value that puts crash logs of forks into {@code folder}. */
    public static String errorFileOption(Path folder) {
        return "-XX:ErrorFile=" + folder.resolve("hs_err_pid%p.log");
    }

    /** The crash log in {@code folder}, if a fork wrote one. */
    public static Optional<Path> find(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid"))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the JVM crashed because native memory ran out (malloc or mmap failed). */
    public static boolean outOfNativeMemory(Path log) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("# There is insufficient memory for the Java Runtime Environment")
                        || line.startsWith("#  Out of Memory Error")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The line of a crash log that says what failed, e.g. {@code SIGSEGV (0xb) at pc=...}, or null. */
    public static String summary(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String line : lines) {
                String text = line.startsWith("#") ? line.substring(1).trim() : "";
                if (text.startsWith("SIG")
                        || text.startsWith("EXCEPTION_")
                        || text.startsWith("Internal Error")
                        || text.startsWith("Native memory allocation")) {
                    return text;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
