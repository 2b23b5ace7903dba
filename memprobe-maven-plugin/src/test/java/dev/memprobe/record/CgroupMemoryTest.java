package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup readers on sample files laid out as the kernel shows them. */
class CgroupMemoryTest {

    @TempDir
    Path root;

    @Test
    void readsACgroupV2WithItsLimitPeakAndOomKills() throws IOException {
        write("proc/self/cgroup", "0::/ci.slice/job\n");
        write("proc/self/mountinfo", "30 24 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");
        write("sys/fs/cgroup/ci.slice/job/memory.max", "2147483648\n");
        write("sys/fs/cgroup/ci.slice/job/memory.current", "1073741824\n");
        write("sys/fs/cgroup/ci.slice/job/memory.peak", "2147479552\n");
        write(
                "sys/fs/cgroup/ci.slice/job/memory.events",
                "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n");

        CgroupMemory memory = CgroupMemory.read(root).orElseThrow();

        assertThat(memory.version()).isEqualTo(2);
        assertThat(memory.folder()).isEqualTo(root.resolve("sys/fs/cgroup/ci.slice/job"));
        assertThat(memory.limit()).isEqualTo(2L << 30);
        assertThat(memory.usage()).isEqualTo(1L << 30);
        assertThat(memory.peak()).isEqualTo(2147479552L);
        assertThat(memory.oomKills()).isEqualTo(1);
        assertThat(memory.usageNow()).isEqualTo(1L << 30);
    }

    @Test
    void aV2LimitOnAnAncestorHoldsAndItsLevelCountsTheKills() throws IOException {
        write("proc/self/cgroup", "0::/docker/abc/inner\n");
        write("proc/self/mountinfo", "30 24 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        write("sys/fs/cgroup/docker/abc/inner/memory.max", "max\n");
        write("sys/fs/cgroup/docker/abc/inner/memory.current", "100\n");
        write("sys/fs/cgroup/docker/abc/inner/memory.events", "oom_kill 0\n");
        write("sys/fs/cgroup/docker/abc/memory.max", "1073741824\n");
        write("sys/fs/cgroup/docker/abc/memory.events", "oom 3\noom_kill 2\n");
        write("sys/fs/cgroup/docker/memory.max", "4294967296\n");

        CgroupMemory memory = CgroupMemory.read(root).orElseThrow();

        assertThat(memory.limit()).isEqualTo(1L << 30);
        assertThat(memory.limitFolder()).isEqualTo(root.resolve("sys/fs/cgroup/docker/abc"));
        assertThat(memory.oomKills()).isEqualTo(2);
        assertThat(memory.peak()).isEqualTo(-1);
    }

    @Test
    void aCgroupNamespaceShowsTheMountItselfAsTheProcessFolder() throws IOException {
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", "30 24 0:26 /kubepods/pod1 /sys/fs/cgroup ro - cgroup2 cgroup2 rw\n");
        write("sys/fs/cgroup/memory.max", "536870912\n");
        write("sys/fs/cgroup/memory.current", "42\n");
        write("sys/fs/cgroup/memory.events", "oom_kill 0\n");

        CgroupMemory memory = CgroupMemory.read(root).orElseThrow();

        assertThat(memory.folder()).isEqualTo(root.resolve("sys/fs/cgroup"));
        assertThat(memory.limit()).isEqualTo(512L << 20);
        assertThat(memory.oomKills()).isZero();
    }

    @Test
    void readsACgroupV1MemoryControllerWithItsOomControl() throws IOException {
        write("proc/self/cgroup", "12:pids:/job\n4:memory:/process_api/job7\n0::/\n");
        write(
                "proc/self/mountinfo",
                "25 24 0:22 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n"
                        + "31 24 0:27 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory\n"
                        + "32 24 0:28 / /sys/fs/cgroup/pids rw - cgroup cgroup rw,pids\n");
        write("sys/fs/cgroup/memory/process_api/job7/memory.limit_in_bytes", "943718400\n");
        write("sys/fs/cgroup/memory/process_api/job7/memory.usage_in_bytes", "524288000\n");
        write("sys/fs/cgroup/memory/process_api/job7/memory.max_usage_in_bytes", "943718400\n");
        write(
                "sys/fs/cgroup/memory/process_api/job7/memory.oom_control",
                "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        write("sys/fs/cgroup/memory/process_api/memory.limit_in_bytes", "9223372036854771712\n");
        write("sys/fs/cgroup/unified/memory.pressure", "some avg10=0.00\n");

        CgroupMemory memory = CgroupMemory.read(root).orElseThrow();

        assertThat(memory.version()).isEqualTo(1);
        assertThat(memory.limit()).isEqualTo(900L << 20);
        assertThat(memory.usage()).isEqualTo(500L << 20);
        assertThat(memory.peak()).isEqualTo(900L << 20);
        assertThat(memory.oomKills()).isEqualTo(2);
        assertThat(memory.describe()).startsWith("cgroup v1 ");
    }

    @Test
    void aV1CgroupWithoutALimitSaysNone() throws IOException {
        write("proc/self/cgroup", "4:memory:/\n");
        write("proc/self/mountinfo", "31 24 0:27 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
        write("sys/fs/cgroup/memory/memory.usage_in_bytes", "7\n");

        CgroupMemory memory = CgroupMemory.read(root).orElseThrow();

        assertThat(memory.limit()).isEqualTo(-1);
        assertThat(memory.oomKills()).isEqualTo(-1);
    }

    @Test
    void readingAgainSeesTheKillsSinceTheFirstRead() throws IOException {
        write("proc/self/cgroup", "0::/job\n");
        write("proc/self/mountinfo", "30 24 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        write("sys/fs/cgroup/job/memory.max", "1073741824\n");
        write("sys/fs/cgroup/job/memory.current", "1\n");
        write("sys/fs/cgroup/job/memory.events", "oom_kill 0\n");
        CgroupMemory before = CgroupMemory.read(root).orElseThrow();

        write("sys/fs/cgroup/job/memory.events", "oom_kill 1\n");

        assertThat(before.again().oomKills()).isEqualTo(1);
        assertThat(before.oomKills()).isZero();
    }

    @Test
    void noMemoryCgroupIsNone() throws IOException {
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", "25 24 0:22 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n");
        write("sys/fs/cgroup/unified/memory.pressure", "some avg10=0.00\n");

        assertThat(CgroupMemory.read(root)).isEmpty();
        assertThat(CgroupMemory.read(root.resolve("nowhere"))).isEmpty();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
