package dev.memprobe.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * The machine memprobe runs on: its memory, its container limit (cgroup v2 or v1), and the default max heap a JVM
 * there would take (a quarter of the smaller of the two, as the JVM's MaxRAMPercentage=25 does).
 *
 * @param containerLimit bytes, or -1 when the cgroup sets none
 * @param cgroup "v2", "v1" or "none"
 */
public record Environment(long machineMemory, long containerLimit, String cgroup, int cores) {

    /** Reads this machine. */
    public static Environment detect() {
        return detect(Paths.get("/"));
    }

    /** Reads a machine whose {@code /proc} and {@code /sys} are under {@code root} (tests use a fake tree). */
    public static Environment detect(Path root) {
        long machine = meminfoTotal(root.resolve("proc/meminfo"));
        String cgroup = "none";
        long limit = -1;
        String selfV2 = null;
        String selfV1 = null;
        for (String line : lines(root.resolve("proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && parts[0].equals("0") && parts[1].isEmpty()) {
                selfV2 = parts[2];
            } else if (parts.length == 3 && List.of(parts[1].split(",")).contains("memory")) {
                selfV1 = parts[2];
            }
        }
        if (selfV1 != null) {
            long v1 = effectiveLimit(root, "sys/fs/cgroup/memory", selfV1, "memory.limit_in_bytes");
            cgroup = "v1";
            limit = v1;
        } else if (selfV2 != null || Files.exists(root.resolve("sys/fs/cgroup/cgroup.controllers"))) {
            cgroup = "v2";
            limit = effectiveLimit(root, "sys/fs/cgroup", selfV2 == null ? "/" : selfV2, "memory.max");
        }
        if (limit >= machine && machine > 0) {
            limit = -1; // "unlimited" is written as a huge number
        }
        return new Environment(machine, limit, cgroup, Runtime.getRuntime().availableProcessors());
    }

    /** The max heap a JVM here takes by default: 25% of the memory it sees, the smaller of machine and container. */
    public long defaultMaxHeap() {
        long visible;
        if (containerLimit > 0 && machineMemory > 0) {
            visible = Math.min(containerLimit, machineMemory);
        } else {
            visible = containerLimit > 0 ? containerLimit : machineMemory;
        }
        return visible <= 0 ? -1 : visible / 4;
    }

    /** "Linux 6.1 (amd64)". */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }

    /**
     * The limit that holds for the cgroup at {@code path}: the smallest limit set on it or on any of its ancestors
     * (limits nest; a child may be given more than its parent but never gets it), or -1 when none sets one.
     */
    private static long effectiveLimit(Path root, String mount, String path, String file) {
        Path base = root.resolve(mount);
        String current = path.startsWith("/") ? path.substring(1) : path;
        long limit = -1;
        while (true) {
            long value = limitValue(
                    current.isEmpty()
                            ? base.resolve(file)
                            : base.resolve(current).resolve(file));
            if (value > 0 && (limit < 0 || value < limit)) {
                limit = value;
            }
            if (current.isEmpty()) {
                return limit;
            }
            int slash = current.lastIndexOf('/');
            current = slash < 0 ? "" : current.substring(0, slash);
        }
    }

    private static long limitValue(Path file) {
        List<String> content = lines(file);
        if (content.isEmpty()) {
            return -1;
        }
        String value = content.get(0).trim().toLowerCase(Locale.ROOT);
        if (value.equals("max") || value.isEmpty()) {
            return -1;
        }
        try {
            long bytes = Long.parseLong(value);
            return bytes >= Long.MAX_VALUE / 2 ? -1 : bytes;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long meminfoTotal(Path meminfo) {
        for (String line : lines(meminfo)) {
            if (line.startsWith("MemTotal:")) {
                String digits = line.replaceAll("[^0-9]", "");
                return digits.isEmpty() ? -1 : Long.parseLong(digits) * 1024;
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
