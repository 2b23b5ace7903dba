package dev.memprobe.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Environment#detect(Path)} on fake {@code /proc} and {@code /sys} trees. */
class EnvironmentTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private static final String UNLIMITED_V1 = "9223372036854771712";

    @TempDir
    Path root;

    @Test
    void cgroupV2WithAMemoryMaximum() throws IOException {
        machine(16 * GIB);
        write("proc/self/cgroup", "0::/\n");
        write("sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        write("sys/fs/cgroup/memory.max", "2147483648\n");

        Environment env = Environment.detect(root);

        assertThat(env.cgroup()).isEqualTo("v2");
        assertThat(env.machineMemory()).isEqualTo(16 * GIB);
        assertThat(env.containerLimit()).isEqualTo(2 * GIB);
        assertThat(env.defaultMaxHeap()).isEqualTo(512 * MIB);
    }

    @Test
    void cgroupV2WithoutAMaximum() throws IOException {
        machine(16 * GIB);
        write("proc/self/cgroup", "0::/\n");
        write("sys/fs/cgroup/cgroup.controllers", "memory pids\n");
        write("sys/fs/cgroup/memory.max", "max\n");

        Environment env = Environment.detect(root);

        assertThat(env.cgroup()).isEqualTo("v2");
        assertThat(env.containerLimit()).isEqualTo(-1);
        assertThat(env.defaultMaxHeap()).isEqualTo(4 * GIB);
    }

    @Test
    void cgroupV2TakesTheLimitOfAParentWhenItsOwnCgroupHasNone() throws IOException {
        machine(64 * GIB);
        write("proc/self/cgroup", "0::/kubepods/burstable/pod42/ctr\n");
        write("sys/fs/cgroup/cgroup.controllers", "memory\n");
        write("sys/fs/cgroup/kubepods/burstable/pod42/ctr/memory.max", "max\n");
        write("sys/fs/cgroup/kubepods/burstable/pod42/memory.max", "3221225472\n");
        write("sys/fs/cgroup/kubepods/burstable/memory.max", "max\n");

        Environment env = Environment.detect(root);

        assertThat(env.containerLimit()).isEqualTo(3 * GIB);
        assertThat(env.defaultMaxHeap()).isEqualTo(768 * MIB);
    }

    @Test
    void cgroupV2TakesTheSmallestLimitOnThePathBecauseLimitsNest() throws IOException {
        machine(64 * GIB);
        write("proc/self/cgroup", "0::/ci/job\n");
        write("sys/fs/cgroup/cgroup.controllers", "memory\n");
        write("sys/fs/cgroup/ci/job/memory.max", "8589934592\n");
        write("sys/fs/cgroup/ci/memory.max", "4294967296\n");

        assertThat(Environment.detect(root).containerLimit()).isEqualTo(4 * GIB);
    }

    @Test
    void cgroupV2InsideAContainerSeesItsOwnCgroupAsTheRoot() throws IOException {
        machine(64 * GIB);
        write("proc/self/cgroup", "0::/\n");
        write("sys/fs/cgroup/cgroup.controllers", "memory\n");
        write("sys/fs/cgroup/memory.max", "1073741824");

        assertThat(Environment.detect(root).containerLimit()).isEqualTo(GIB);
    }

    @Test
    void cgroupV1WithTheHugeNumberThatMeansUnlimited() throws IOException {
        machine(16 * GIB);
        write("proc/self/cgroup", "5:cpuacct,cpu:/\n4:memory:/docker/abc123\n0::/\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", UNLIMITED_V1 + "\n");

        Environment env = Environment.detect(root);

        assertThat(env.cgroup()).isEqualTo("v1");
        assertThat(env.containerLimit()).isEqualTo(-1);
        assertThat(env.defaultMaxHeap()).isEqualTo(4 * GIB);
    }

    @Test
    void cgroupV1WithARealLimitSeenFromInsideTheContainer() throws IOException {
        machine(16 * GIB);
        // the path names the host's cgroup; the container has its own mounted as the root of the hierarchy
        write("proc/self/cgroup", "11:cpuset,memory:/docker/abc123\n1:name=systemd:/docker/abc123\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "536870912\n");

        Environment env = Environment.detect(root);

        assertThat(env.cgroup()).isEqualTo("v1");
        assertThat(env.containerLimit()).isEqualTo(512 * MIB);
        assertThat(env.defaultMaxHeap()).isEqualTo(128 * MIB);
    }

    @Test
    void cgroupV1WithALimitOnItsOwnPathBelowAnUnlimitedRoot() throws IOException {
        machine(16 * GIB);
        write("proc/self/cgroup", "4:memory:/ci/runner7\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", UNLIMITED_V1 + "\n");
        write("sys/fs/cgroup/memory/ci/memory.limit_in_bytes", UNLIMITED_V1 + "\n");
        write("sys/fs/cgroup/memory/ci/runner7/memory.limit_in_bytes", "7516192768\n");

        assertThat(Environment.detect(root).containerLimit()).isEqualTo(7 * GIB);
    }

    @Test
    void aLimitAboveTheMachinesMemoryLimitsNothing() throws IOException {
        machine(16 * GIB);
        write("proc/self/cgroup", "0::/\n");
        write("sys/fs/cgroup/cgroup.controllers", "memory\n");
        write("sys/fs/cgroup/memory.max", Long.toString(64 * GIB));

        Environment env = Environment.detect(root);

        assertThat(env.containerLimit()).isEqualTo(-1);
        assertThat(env.defaultMaxHeap()).isEqualTo(4 * GIB);
    }

    @Test
    void noCgroupAtAll() throws IOException {
        machine(8 * GIB);

        Environment env = Environment.detect(root);

        assertThat(env.cgroup()).isEqualTo("none");
        assertThat(env.containerLimit()).isEqualTo(-1);
        assertThat(env.defaultMaxHeap()).isEqualTo(2 * GIB);
    }

    @Test
    void aMachineThatShowsNothingMeasuresNothing() {
        Environment env = Environment.detect(root);

        assertThat(env.machineMemory()).isEqualTo(-1);
        assertThat(env.containerLimit()).isEqualTo(-1);
        assertThat(env.cgroup()).isEqualTo("none");
        assertThat(env.defaultMaxHeap()).isEqualTo(-1);
        assertThat(env.cores()).isPositive();
    }

    @ParameterizedTest(name = "machine {0}, container {1}: {2}")
    @CsvSource({
        "17179869184, 2147483648,  536870912",
        "1073741824,  4294967296,  268435456",
        "17179869184, -1,          4294967296",
        "-1,          2147483648,  536870912",
        "-1,          -1,          -1",
    })
    void theDefaultMaxHeapIsAQuarterOfTheSmallerOfMachineAndContainer(
            long machine, long container, long defaultMaxHeap) {
        assertThat(new Environment(machine, container, "v2", 2).defaultMaxHeap())
                .isEqualTo(defaultMaxHeap);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsThisMachine() {
        Environment env = Environment.detect();

        assertThat(env.machineMemory()).isGreaterThan(256 * MIB);
        assertThat(env.cgroup()).isIn("v1", "v2", "none");
        assertThat(env.defaultMaxHeap()).isPositive().isLessThanOrEqualTo(env.machineMemory() / 4);
    }

    private void machine(long bytes) throws IOException {
        write("proc/meminfo", "MemTotal:       " + bytes / 1024 + " kB\nMemFree:         123456 kB\n");
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
