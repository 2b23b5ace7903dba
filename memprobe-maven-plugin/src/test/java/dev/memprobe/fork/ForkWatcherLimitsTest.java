package dev.memprobe.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog's limits, driven poll by poll with a scripted process and clock: no fork, no sleeping. */
class ForkWatcherLimitsTest {

    /** A process that reports what the test sets and records what was done to it. */
    static final class ScriptedProcess implements ProcessControl {
        long rss = 100L << 20;
        boolean alive = true;
        final List<String> signals = new ArrayList<>();

        @Override
        public long residentBytes(long pid) {
            return rss;
        }

        @Override
        public void terminate(long pid) {
            signals.add("TERM " + pid);
        }

        @Override
        public void kill(long pid) {
            signals.add("KILL " + pid);
            alive = false;
        }

        @Override
        public boolean alive(long pid) {
            return alive;
        }
    }

    @TempDir
    Path folder;

    private final ScriptedProcess process = new ScriptedProcess();
    private final AtomicLong nanos = new AtomicLong();
    private final List<Long> pids = new ArrayList<>();

    private ForkWatcher watcher(long memoryLimit, Duration timeout, boolean stopOnMemoryError) {
        return new ForkWatcher(
                folder.resolve("journal.jsonl"),
                memoryLimit,
                timeout,
                Duration.ofSeconds(10),
                stopOnMemoryError,
                false,
                process,
                pids::add,
                nanos::get);
    }

    private void journal(String... lines) throws IOException {
        Files.writeString(
                folder.resolve("journal.jsonl"),
                String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void doesNothingBeforeTheForkNamesItsPid() {
        ForkWatcher watcher = watcher(1, Duration.ofMillis(1), true);
        advance(Duration.ofHours(1));

        watcher.poll();

        assertThat(process.signals).isEmpty();
        assertThat(watcher.pid()).isEqualTo(-1);
        assertThat(watcher.action()).isInstanceOf(ForkEnd.NoAction.class);
    }

    @Test
    void killsAForkWhoseResidentMemoryPassesTheLimit() throws IOException {
        ForkWatcher watcher = watcher(512L << 20, null, false);
        journal("{\"event\":\"fork\",\"time\":1,\"pid\":77}");
        watcher.poll();
        assertThat(pids).containsExactly(77L);
        assertThat(process.signals).isEmpty();

        process.rss = 600L << 20;
        watcher.poll();

        assertThat(process.signals).containsExactly("KILL 77");
        assertThat(watcher.action()).isEqualTo(new ForkEnd.KilledOverMemoryLimit(600L << 20, 512L << 20));
    }

    @Test
    void sendsSigtermAtTheTimeoutAndSigkillAfterTheGracePeriod() throws IOException {
        ForkWatcher watcher = watcher(-1, Duration.ofSeconds(60), false);
        journal("{\"event\":\"fork\",\"time\":1,\"pid\":78}");
        watcher.poll();
        advance(Duration.ofSeconds(59));
        watcher.poll();
        assertThat(process.signals).isEmpty();

        advance(Duration.ofSeconds(2));
        watcher.poll();
        assertThat(process.signals).containsExactly("TERM 78");
        assertThat(watcher.action()).isEqualTo(new ForkEnd.TimedOut(60_000, false));

        advance(Duration.ofSeconds(5));
        watcher.poll();
        assertThat(process.signals).containsExactly("TERM 78");

        advance(Duration.ofSeconds(6));
        watcher.poll();
        assertThat(process.signals).containsExactly("TERM 78", "KILL 78");
        assertThat(watcher.action()).isEqualTo(new ForkEnd.TimedOut(60_000, true));
    }

    @Test
    void readsALineThatArrivesInPieces() throws IOException {
        ForkWatcher watcher = watcher(-1, null, false);
        Files.writeString(folder.resolve("journal.jsonl"), "{\"event\":\"fork\",\"time\":1,\"pi");
        watcher.poll();
        assertThat(watcher.pid()).isEqualTo(-1);

        Files.writeString(folder.resolve("journal.jsonl"), "d\":80}\n", StandardOpenOption.APPEND);
        watcher.poll();

        assertThat(watcher.pid()).isEqualTo(80);
    }
}
