package dev.memprobe.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The memory cgroup Maven runs in, and what its files say: the limit, the usage now and at its peak, and how many
 * times the kernel's OOM killer acted in it. Read from {@code /proc/self/cgroup} and {@code /proc/self/mountinfo},
 * then the controller's files: cgroup v2 ({@code memory.max}, {@code memory.current}, {@code memory.peak},
 * {@code memory.events}) or v1 ({@code memory.limit_in_bytes}, {@code memory.usage_in_bytes},
 * {@code memory.max_usage_in_bytes}, {@code memory.oom_control}). The v1 memory controller comes first: a hybrid host
 * mounts a v2 hierarchy beside it that has no memory files.
 *
 * <p>The limit can sit on an ancestor: the folders are walked up to the mount's root, the smallest limit on the way
 * is the one that holds, and the OOM kills are counted where it is set (v2's {@code memory.events} counts its whole
 * subtree).
 *
 * @param version 2 or 1
 * @param folder the process's own cgroup folder
 * @param mount the folder the hierarchy is mounted at: the walk up for the limit stops there
 * @param limit the limit that holds, bytes; -1 when none is set
 * @param usage the memory in use now (page cache included, as the kernel counts it); -1 when unreadable
 * @param peak the most in use since the cgroup began (v2 {@code memory.peak}, kernel 5.19 and later; v1
 *     {@code memory.max_usage_in_bytes}); -1 when not offered
 * @param oomKills processes the OOM killer killed at the limit's level; -1 when not offered
 * @param limitFolder where the limit is set (the process's folder when none is)
 */
public record CgroupMemory(
        int version, Path folder, Path mount, long limit, long usage, long peak, long oomKills, Path limitFolder) {

    /** v1 writes this (or more) for "no limit": the largest page-aligned long. */
    private static final long V1_UNLIMITED = 1L << 62;

    /** This process's memory cgroup, when there is one with memory files. */
    public static Optional<CgroupMemory> current() {
        return read(Path.of("/"));
    }

    /** The memory cgroup as the files under {@code root} describe it ({@code /} on a machine, a sample in tests). */
    public static Optional<CgroupMemory> read(Path root) {
        List<String> cgroups = lines(root.resolve("proc/self/cgroup"));
        List<String> mounts = lines(root.resolve("proc/self/mountinfo"));
        for (String line : cgroups) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && Arrays.asList(fields[1].split(",")).contains("memory")) {
                Optional<Path> folder = folder(root, mounts, "cgroup", fields[2], "sys/fs/cgroup/memory");
                if (folder.isPresent() && Files.exists(folder.get().resolve("memory.usage_in_bytes"))) {
                    return Optional.of(v1(folder.get(), mountOf(root, mounts, "cgroup", "sys/fs/cgroup/memory")));
                }
            }
        }
        for (String line : cgroups) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && fields[0].equals("0") && fields[1].isEmpty()) {
                Optional<Path> folder = folder(root, mounts, "cgroup2", fields[2], "sys/fs/cgroup");
                if (folder.isPresent() && Files.exists(folder.get().resolve("memory.current"))) {
                    return Optional.of(v2(folder.get(), mountOf(root, mounts, "cgroup2", "sys/fs/cgroup")));
                }
            }
        }
        return Optional.empty();
    }

    /** The same cgroup read again: its usage, peak and OOM kills now. */
    public CgroupMemory again() {
        return version == 2 ? v2(folder, mount) : v1(folder, mount);
    }

    /** The memory in use now, one small file: for sampling. */
    public long usageNow() {
        return number(folder.resolve(version == 2 ? "memory.current" : "memory.usage_in_bytes"));
    }

    /** "cgroup v2 /sys/fs/cgroup/ci.slice". */
    public String describe() {
        return "cgroup v" + version + " " + folder;
    }

    private static CgroupMemory v2(Path folder, Path mount) {
        Path limitAt = folder;
        long limit = -1;
        for (Path level = folder; level != null && level.startsWith(mount); level = level.getParent()) {
            long max = number(level.resolve("memory.max"));
            if (max > 0 && (limit < 0 || max < limit)) {
                limit = max;
                limitAt = level;
            }
        }
        return new CgroupMemory(
                2,
                folder,
                mount,
                limit,
                number(folder.resolve("memory.current")),
                number(folder.resolve("memory.peak")),
                keyed(limitAt.resolve("memory.events"), "oom_kill"),
                limitAt);
    }

    private static CgroupMemory v1(Path folder, Path mount) {
        Path limitAt = folder;
        long limit = -1;
        for (Path level = folder; level != null && level.startsWith(mount); level = level.getParent()) {
            long max = number(level.resolve("memory.limit_in_bytes"));
            if (max > 0 && max < V1_UNLIMITED && (limit < 0 || max < limit)) {
                limit = max;
                limitAt = level;
            }
        }
        return new CgroupMemory(
                1,
                folder,
                mount,
                limit,
                number(folder.resolve("memory.usage_in_bytes")),
                number(folder.resolve("memory.max_usage_in_bytes")),
                keyed(limitAt.resolve("memory.oom_control"), "oom_kill"),
                limitAt);
    }

    /**
     * The folder of a cgroup path: the mount point of its hierarchy plus the path below the mount's root. A path
     * outside the mount's root (a cgroup namespace shows {@code /}) is the mount point itself.
     */
    private static Optional<Path> folder(Path root, List<String> mounts, String type, String path, String fallback) {
        for (String line : mounts) {
            Mount mount = Mount.parse(line);
            if (mount == null || !mount.type.equals(type) || (type.equals("cgroup") && !mount.memory)) {
                continue;
            }
            String below = path.startsWith(mount.root) ? path.substring(mount.root.length()) : "";
            return Optional.of(under(root, mount.point).resolve(strip(below)).normalize());
        }
        Path folder = root.resolve(fallback).resolve(strip(path)).normalize();
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.of(root.resolve(fallback));
    }

    private static Path mountOf(Path root, List<String> mounts, String type, String fallback) {
        for (String line : mounts) {
            Mount mount = Mount.parse(line);
            if (mount != null && mount.type.equals(type) && (!type.equals("cgroup") || mount.memory)) {
                return under(root, mount.point);
            }
        }
        return root.resolve(fallback);
    }

    private static Path under(Path root, String absolute) {
        return root.resolve(strip(absolute));
    }

    private static String strip(String path) {
        String relative = path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return relative;
    }

    /** One line of mountinfo: {@code id parent major:minor root point options - type source superOptions}. */
    private record Mount(String root, String point, String type, boolean memory) {
        static Mount parse(String line) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                return null;
            }
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            if (before.length < 5 || after.length < 1) {
                return null;
            }
            boolean memory =
                    after.length >= 3 && Arrays.asList(after[2].split(",")).contains("memory");
            return new Mount(before[3], before[4], after[0], memory);
        }
    }

    /** A file holding one number; "max" and unreadable files are -1. */
    static long number(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.equals("max") ? -1 : Long.parseLong(text);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The value of {@code key} in a flat keyed file ({@code oom_kill 3}); -1 when absent. */
    static long keyed(Path file, String key) {
        for (String line : lines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                try {
                    return Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
