package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.MemoryEvent;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.ProcStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorySamplerTest {

    @TempDir
    Path folder;

    private List<MemoryEvent> samples(Path journal) {
        return JournalTail.read(journal).events().stream()
                .filter(e -> e instanceof MemoryEvent)
                .map(e -> (MemoryEvent) e)
                .collect(Collectors.toList());
    }

    @Test
    void aSampleSaysTheHeapInUseAndTheResidentMemory() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (JournalWriter journal = JournalWriter.open(file.toFile())) {
            new MemorySampler(journal, new ClassMeter(new ProcStatus(), new GcWatcher(), false)).sample();
        }

        MemoryEvent sample = samples(file).get(0);
        assertThat(sample.heapUsed()).isPositive();
        assertThat(sample.rss()).as("/proc/self/status on Linux").isGreaterThan(sample.heapUsed() / 100);
        assertThat(sample.time()).isPositive();
    }

    @Test
    void stopWritesALastSampleAndEndsTheThread() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (JournalWriter journal = JournalWriter.open(file.toFile())) {
            MemorySampler sampler =
                    new MemorySampler(journal, new ClassMeter(new ProcStatus(), new GcWatcher(), false), 60_000);
            sampler.start();
            sampler.stop();
        }

        // start's own sample and stop's: the thread sleeps a period before its first
        assertThat(samples(file)).hasSize(2);
    }

    /**
     * What a sample costs the fork: it runs a few times a second, so anything under a millisecond is noise. Measured
     * here (about 130 µs on the 2-core CI machine, the journal write included), asserted with a wide margin.
     */
    @Test
    void aSampleCostsWellUnderAMillisecond() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        int samples = 2_000;
        long nanos;
        try (JournalWriter journal = JournalWriter.open(file.toFile())) {
            MemorySampler sampler =
                    new MemorySampler(journal, new ClassMeter(new ProcStatus(), new GcWatcher(), false));
            for (int i = 0; i < 200; i++) {
                sampler.sample(); // warm up
            }
            long start = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                sampler.sample();
            }
            nanos = System.nanoTime() - start;
        }
        long micros = nanos / samples / 1_000;
        System.out.println("memprobe: one memory sample costs " + micros + " µs (" + samples + " samples)");

        assertThat(micros).isLessThan(1_000);
        assertThat(samples(file)).hasSize(samples + 200);
        assertThat(JournalTail.read(file).events()).allMatch((JournalEvent e) -> e instanceof MemoryEvent);
    }
}
