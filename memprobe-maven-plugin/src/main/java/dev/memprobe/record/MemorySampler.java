package dev.memprobe.record;

import dev.memprobe.recorder.JournalName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Samples, while a recorded execution runs, the container's memory, the Maven JVM's resident memory and each fork's
 * (the forks are found by their journals' names, which carry their process ids), and keeps the high-water marks:
 * whether the container's limit was reached by one fork or by all forks and Maven together. A daemon thread reading
 * a few small files of {@code /proc} and the cgroup twice a second; it never fails the build: a file it cannot read
 * is a sample it does not take.
 */
public final class MemorySampler implements AutoCloseable {

    /** Time between two samples. */
    static final long INTERVAL_MILLIS = 500;

    /**
     * The high-water marks of one execution.
     *
     * @param containerBytes the most the container held in a sample (-1: no cgroup)
     * @param mavenBytes the Maven JVM's largest resident memory
     * @param forksBytes the largest sum of the forks' resident memory in one sample
     * @param atContainerPeakMaven the Maven JVM's resident memory in the sample where the container held the most
     * @param atContainerPeakForks the forks' resident memory in that sample
     * @param forks each fork's largest resident memory, by process id
     */
    public record Peaks(
            long containerBytes,
            long mavenBytes,
            long forksBytes,
            long atContainerPeakMaven,
            long atContainerPeakForks,
            Map<Long, Long> forks) {

        public static final Peaks NONE = new Peaks(-1, -1, -1, -1, -1, Map.of());

        public Peaks {
            forks = Map.copyOf(forks);
        }

        Map<String, Object> toTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("containerBytes", containerBytes);
            tree.put("mavenBytes", mavenBytes);
            tree.put("forksBytes", forksBytes);
            tree.put("atContainerPeakMaven", atContainerPeakMaven);
            tree.put("atContainerPeakForks", atContainerPeakForks);
            Map<String, Object> byPid = new LinkedHashMap<>();
            forks.forEach((pid, bytes) -> byPid.put(Long.toString(pid), bytes));
            tree.put("forks", byPid);
            return tree;
        }

        static Peaks fromTree(Map<String, Object> tree) {
            Map<Long, Long> forks = new LinkedHashMap<>();
            if (tree.get("forks") instanceof Map<?, ?> byPid) {
                byPid.forEach((pid, bytes) -> {
                    if (bytes instanceof Number n) {
                        try {
                            forks.put(Long.parseLong(String.valueOf(pid)), n.longValue());
                        } catch (NumberFormatException e) {
                            // not a pid: left out
                        }
                    }
                });
            }
            return new Peaks(
                    ExecutionRecord.whole(tree, "containerBytes"),
                    ExecutionRecord.whole(tree, "mavenBytes"),
                    ExecutionRecord.whole(tree, "forksBytes"),
                    ExecutionRecord.whole(tree, "atContainerPeakMaven"),
                    ExecutionRecord.whole(tree, "atContainerPeakForks"),
                    forks);
        }
    }

    private final Optional<CgroupMemory> cgroup;
    private final Path journals;
    private final Path proc;
    private final Thread thread;
    private final Map<Long, Long> forkPeaks = new LinkedHashMap<>();
    private long container = -1;
    private long maven = -1;
    private long forks = -1;
    private long atPeakMaven = -1;
    private long atPeakForks = -1;
    private volatile boolean stopped;

    private MemorySampler(Optional<CgroupMemory> cgroup, Path journals, Path proc) {
        this.cgroup = cgroup;
        this.journals = journals;
        this.proc = proc;
        this.thread = new Thread(this::loop, "memprobe-record-sampler");
        this.thread.setDaemon(true);
    }

    /** Starts sampling the forks whose journals appear in {@code journals}. */
    public static MemorySampler start(Optional<CgroupMemory> cgroup, Path journals) {
        MemorySampler sampler = new MemorySampler(cgroup, journals, Path.of("/proc"));
        sampler.thread.start();
        return sampler;
    }

    /** A sampler that samples only when asked ({@link #sample()}), on files under {@code proc} (tests). */
    static MemorySampler manual(Optional<CgroupMemory> cgroup, Path journals, Path proc) {
        return new MemorySampler(cgroup, journals, proc);
    }

    private void loop() {
        while (!stopped) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One sample of everything. */
    synchronized void sample() {
        try {
            long mavenNow = rss(proc.resolve("self/status"));
            long forksNow = 0;
            boolean anyFork = false;
            if (Files.isDirectory(journals)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(journals, "fork*.jsonl")) {
                    for (Path file : files) {
                        JournalName name = JournalName.parse(file.getFileName().toString());
                        long rss = name == null ? -1 : rss(proc.resolve(name.pid() + "/status"));
                        if (rss > 0) {
                            anyFork = true;
                            forksNow += rss;
                            forkPeaks.merge(name.pid(), rss, Math::max);
                        }
                    }
                }
            }
            long containerNow = cgroup.map(CgroupMemory::usageNow).orElse(-1L);
            maven = Math.max(maven, mavenNow);
            if (anyFork) {
                forks = Math.max(forks, forksNow);
            }
            if (containerNow > container) {
                container = containerNow;
                atPeakMaven = mavenNow;
                atPeakForks = anyFork ? forksNow : 0;
            }
        } catch (IOException | RuntimeException e) {
            // a sample not taken
        }
    }

    /** The high-water marks so far. */
    public synchronized Peaks peaks() {
        return new Peaks(container, maven, forks, atPeakMaven, atPeakForks, new LinkedHashMap<>(forkPeaks));
    }

    /** Stops sampling, after one last sample. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        sample();
    }

    /** {@code VmRSS} of a {@code /proc/<pid>/status} file, bytes; -1 when the process is gone. */
    static long rss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
