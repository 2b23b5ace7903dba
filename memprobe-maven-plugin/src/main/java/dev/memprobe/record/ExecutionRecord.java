package dev.memprobe.record;

import dev.memprobe.journal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code execution.json}: what the extension knew of one recorded Surefire or Failsafe execution, written into the
 * execution's record folder when it starts and again when it ends, so that {@code memprobe:postmortem} can explain
 * the journals after Maven itself was killed (an execution without {@link #ended} is one Maven did not see end).
 *
 * @param project {@code groupId:artifactId}
 * @param memprobeVersion the memprobe that recorded it: bisect refuses a recording of another version
 * @param plugin {@code maven-surefire-plugin} or {@code maven-failsafe-plugin}
 * @param provider the Surefire provider the extension expected ({@code junit-platform}, {@code junit4},
 *     {@code junit47}, {@code testng}, or {@code unknown})
 * @param forkCount as configured ({@code 1}, {@code 2}, {@code 1C})
 * @param parallel whether the project runs its tests in parallel (per-class numbers are then approximate)
 * @param started epoch ms
 * @param mavenPid the process id of the Maven JVM that ran it
 * @param reportsDirectory where Surefire writes its reports and dump files
 * @param container the container's memory when the execution started, or null when no cgroup could be read
 * @param ended epoch ms, or -1 when Maven did not see the execution end
 * @param outcome {@code succeeded} or {@code failed}, null until it ended
 * @param failure Surefire's or Failsafe's message of the failure (a fork's death), or null
 * @param containerAfter the container's memory when it ended, or null
 * @param samples the high-water marks memprobe sampled while it ran, or null
 * @param testClasses the test classes Surefire's scan finds for it, in no particular order (empty when unknown)
 */
public record ExecutionRecord(
        String project,
        String memprobeVersion,
        String plugin,
        String pluginVersion,
        String goal,
        String executionId,
        String provider,
        String forkCount,
        boolean reuseForks,
        boolean parallel,
        long started,
        long mavenPid,
        String reportsDirectory,
        Container container,
        long ended,
        String outcome,
        String failure,
        Container containerAfter,
        MemorySampler.Peaks samples,
        List<String> testClasses) {

    public static final String FILE = "execution.json";

    public ExecutionRecord {
        testClasses = List.copyOf(testClasses);
    }

    /**
     * The container's memory at one moment.
     *
     * @param cgroup "cgroup v2 /sys/fs/cgroup/..."
     * @param limitBytes -1 when none
     * @param peakBytes -1 when the kernel does not say
     * @param oomKills -1 when the kernel does not say
     */
    public record Container(String cgroup, long limitBytes, long usageBytes, long peakBytes, long oomKills) {

        public static Container of(CgroupMemory memory) {
            return new Container(memory.describe(), memory.limit(), memory.usage(), memory.peak(), memory.oomKills());
        }
    }

    /** "surefire:test (default-test)". */
    public String label() {
        return plugin.replace("maven-", "").replace("-plugin", "") + ":" + goal + " (" + executionId + ")";
    }

    /** Whether Maven saw this execution end. */
    public boolean endedInMaven() {
        return ended > 0;
    }

    /** This record once the execution ended. */
    public ExecutionRecord ended(
            long at, String result, String message, Container after, MemorySampler.Peaks peaks, List<String> tests) {
        return new ExecutionRecord(
                project,
                memprobeVersion,
                plugin,
                pluginVersion,
                goal,
                executionId,
                provider,
                forkCount,
                reuseForks,
                parallel,
                started,
                mavenPid,
                reportsDirectory,
                container,
                at,
                result,
                message,
                after,
                peaks,
                tests);
    }

    /** Writes {@code execution.json} into {@code folder}, whole or not at all. */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path temporary = folder.resolve(FILE + ".tmp");
        Files.writeString(temporary, Json.write(toTree()) + "\n");
        Files.move(
                temporary, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads {@code execution.json} from {@code folder}; the message of the exception says what is wrong. */
    public static ExecutionRecord read(Path folder) throws IOException {
        Map<String, Object> tree;
        try {
            tree = Json.parseObject(Files.readString(folder.resolve(FILE)));
        } catch (Json.JsonException e) {
            throw new IOException(folder.resolve(FILE) + " is not valid JSON: " + e.getMessage(), e);
        }
        return new ExecutionRecord(
                text(tree, "project"),
                text(tree, "memprobeVersion"),
                text(tree, "plugin"),
                text(tree, "pluginVersion"),
                text(tree, "goal"),
                text(tree, "executionId"),
                text(tree, "provider"),
                text(tree, "forkCount"),
                Boolean.TRUE.equals(tree.get("reuseForks")),
                Boolean.TRUE.equals(tree.get("parallel")),
                whole(tree, "started"),
                whole(tree, "mavenPid"),
                text(tree, "reportsDirectory"),
                container(tree.get("container")),
                whole(tree, "ended"),
                text(tree, "outcome"),
                text(tree, "failure"),
                container(tree.get("containerAfter")),
                peaks(tree.get("samples")),
                strings(tree.get("testClasses")));
    }

    private Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("project", project);
        tree.put("memprobeVersion", memprobeVersion);
        tree.put("plugin", plugin);
        tree.put("pluginVersion", pluginVersion);
        tree.put("goal", goal);
        tree.put("executionId", executionId);
        tree.put("provider", provider);
        tree.put("forkCount", forkCount);
        tree.put("reuseForks", reuseForks);
        tree.put("parallel", parallel);
        tree.put("started", started);
        tree.put("mavenPid", mavenPid);
        tree.put("reportsDirectory", reportsDirectory);
        tree.put("container", tree(container));
        tree.put("ended", ended > 0 ? ended : null);
        tree.put("outcome", outcome);
        tree.put("failure", failure);
        tree.put("containerAfter", tree(containerAfter));
        tree.put("samples", samples == null ? null : samples.toTree());
        tree.put("testClasses", testClasses);
        return tree;
    }

    private static Map<String, Object> tree(Container c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("cgroup", c.cgroup());
        tree.put("limitBytes", c.limitBytes());
        tree.put("usageBytes", c.usageBytes());
        tree.put("peakBytes", c.peakBytes());
        tree.put("oomKills", c.oomKills());
        return tree;
    }

    private static Container container(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) map;
        return new Container(
                text(tree, "cgroup"),
                whole(tree, "limitBytes"),
                whole(tree, "usageBytes"),
                whole(tree, "peakBytes"),
                whole(tree, "oomKills"));
    }

    private static MemorySampler.Peaks peaks(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) map;
        return MemorySampler.Peaks.fromTree(tree);
    }

    static String text(Map<String, Object> tree, String key) {
        Object value = tree.get(key);
        return value instanceof String s ? s : null;
    }

    static long whole(Map<String, Object> tree, String key) {
        Object value = tree.get(key);
        return value instanceof Number n ? n.longValue() : -1;
    }

    private static List<String> strings(Object value) {
        List<String> list = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof String s) {
                    list.add(s);
                }
            }
        }
        return list;
    }
}
