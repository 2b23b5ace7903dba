package dev.memprobe.retain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps of this very JVM, as the fork writes them, read back: the real format of the JDK that runs the tests. */
class RealDumpTest {

    /** The "polluter": a static cache this test fills between two dumps. */
    static final Map<String, byte[]> CACHE = new HashMap<>();

    @TempDir
    Path folder;

    @AfterEach
    void emptyTheCache() {
        CACHE.clear();
    }

    @Test
    void aStaticCacheFilledBetweenTwoDumpsIsWhatThePolluterAdded() throws IOException {
        RetainerAnalysis.DumpFile before = dump("1-start.hprof", "start");
        for (int i = 0; i < 64; i++) {
            CACHE.put("entry-" + i, new byte[256 * 1024]);
        }
        RetainerAnalysis.DumpFile after = dump("2-end.hprof", "end");

        List<Retainers> found = new RetainerAnalysis(false, MemoryGuard.ofThisJvm(), Path::toString)
                .polluters(
                        before,
                        List.of(new RetainerAnalysis.Subject(RealDumpTest.class.getName(), after, null, null)),
                        Set.of(RealDumpTest.class.getName()));

        Retainers polluter = found.get(0);
        assertThat(polluter.skipped()).isNull();
        Retainers.Path top = polluter.paths().get(0);
        assertThat(top.key()).isEqualTo("static " + RealDumpTest.class.getName() + ".CACHE");
        assertThat(top.text())
                .isEqualTo("static " + RealDumpTest.class.getName() + ".CACHE → java.util.HashMap (64 entries)"
                        + " → 64 × byte[]");
        assertThat(top.grownBytes()).isGreaterThanOrEqualTo(64L * 256 * 1024);
        assertThat(top.share()).isGreaterThan(0.8);
        assertThat(polluter.dump().objects()).isGreaterThan(10_000);
        assertThat(polluter.dump().deleted()).isTrue();
        assertThat(before.file()).doesNotExist();
        assertThat(after.file()).doesNotExist();
    }

    private RetainerAnalysis.DumpFile dump(String name, String phase) throws IOException {
        Path file = folder.resolve(name);
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        vm.dumpHeap(file.toString(), true);
        boolean compressed =
                Boolean.parseBoolean(vm.getVMOption("UseCompressedOops").getValue());
        return new RetainerAnalysis.DumpFile(file, phase, Files.size(file), 0, compressed);
    }
}
