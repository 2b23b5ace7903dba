import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import dev.memprobe.retain.MemoryGuard;
import dev.memprobe.retain.RetainerAnalysis;
import dev.memprobe.retain.Retainers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading a heap dump costs memprobe (issue 15: within 15 s for a 1 GiB heap on this machine). {@code write FILE
 * MIB} fills a JVM with MIB of live heap, half small objects (a HashMap of String to Object[]), half 256 KiB byte
 * arrays held by a static list, and dumps it with the JDK's HotSpotDiagnosticMXBean, as a confirming fork does.
 * {@code read FILE} runs memprobe's analysis of a hog's dump on it in this JVM and prints its wall and CPU time.
 * Run by {@code benchmark/run.sh heapdump}.
 */
public final class HeapDumpBench {

    static final List<Object> HELD = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("write")) {
            write(Path.of(args[1]), Long.parseLong(args[2]) << 20);
        } else if (args.length == 2 && args[0].equals("read")) {
            read(Path.of(args[1]));
        } else {
            System.err.println("usage: HeapDumpBench write FILE MIB | read FILE");
            System.exit(2);
        }
    }

    private static void write(Path file, long bytes) throws Exception {
        Map<String, Object[]> small = new HashMap<>();
        long filled = 0;
        int i = 0;
        while (filled < bytes / 2) {
            Object[] row = {Integer.valueOf(i), "row " + i, new long[2]};
            small.put("key-" + i, row);
            filled += 220; // the entry, its key, the row and what it holds, roughly
            i++;
        }
        HELD.add(small);
        while (filled < bytes) {
            HELD.add(new byte[256 << 10]);
            filled += 256 << 10;
        }
        Files.deleteIfExists(file);
        long start = System.nanoTime();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        System.out.printf(
                "wrote %s: %,d MiB, %,d small entries, in %.1f s%n",
                file, Files.size(file) >> 20, i, (System.nanoTime() - start) / 1e9);
    }

    private static void read(Path file) {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        RetainerAnalysis analysis = new RetainerAnalysis(true, MemoryGuard.ofThisJvm(), Path::toString);
        Retainers found = analysis.hog(
                new RetainerAnalysis.Subject(
                        "bench.Hog",
                        new RetainerAnalysis.DumpFile(file, "error", fileSize(file), -1, true),
                        null,
                        null),
                Set.of());
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf(
                "read %s (%,d MiB): %.1f s wall, %.1f s CPU, %s%n",
                file,
                fileSize(file) >> 20,
                wall,
                cpuSeconds,
                found.skipped() != null
                        ? "skipped: " + found.skipped()
                        : found.dump().objects() + " objects, top path: " + found.paths().get(0).text());
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
