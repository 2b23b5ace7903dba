package dev.memprobe.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;

/** What memprobe does to a fork's process from outside: read its resident memory, stop it. */
public interface ProcessControl {

    /** Resident memory of the process and every process it started, in bytes; -1 when unknown or gone. */
    long residentBytes(long pid);

    /** SIGTERM, as a CI timeout sends. */
    void terminate(long pid);

    /** SIGKILL to the process and its descendants, as a container's OOM killer does. */
    void kill(long pid);

    boolean alive(long pid);

    /** The real thing: {@link ProcessHandle} for signals, {@code /proc/<pid>/status} for memory. */
    static ProcessControl system() {
        return new SystemProcessControl();
    }

    /** {@link ProcessControl} on this machine's processes. */
    final class SystemProcessControl implements ProcessControl {

        @Override
        public long residentBytes(long pid) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                return -1;
            }
            long total = rss(pid);
            if (total < 0) {
                return -1;
            }
            try (Stream<ProcessHandle> descendants = process.get().descendants()) {
                total += descendants.mapToLong(p -> Math.max(0, rss(p.pid()))).sum();
            }
            return total;
        }

        @Override
        public void terminate(long pid) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }

        @Override
        public void kill(long pid) {
            ProcessHandle.of(pid).ifPresent(p -> {
                try (Stream<ProcessHandle> descendants = p.descendants()) {
                    descendants.forEach(ProcessHandle::destroyForcibly);
                }
                p.destroyForcibly();
            });
        }

        @Override
        public boolean alive(long pid) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        static long rss(long pid) {
            Path status = Paths.get("/proc", Long.toString(pid), "status");
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith("VmRSS:")) {
                        String digits = line.substring("VmRSS:".length()).replaceAll("[^0-9]", "");
                        return digits.isEmpty() ? -1 : Long.parseLong(digits) * 1024;
                    }
                }
                return -1;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }
}
