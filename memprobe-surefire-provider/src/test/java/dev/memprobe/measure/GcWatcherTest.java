package dev.memprobe.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcWatcherTest {

    @Test
    void aCollectionThatEndedBeforeTheWindowOpenedIsOnlyTheLatestValue() {
        GcWatcher watcher = new GcWatcher();
        watcher.openWindow(java.util.Map.of("G1 Young Generation", 7L, "G1 Old Generation", 0L));
        // collection 7 ran while the class before was running; its notification came late
        watcher.observe(40, "G1 Young Generation", 7);

        assertThat(watcher.last()).isEqualTo(40);
        assertThat(watcher.windowMin()).isEqualTo(-1);
        assertThat(watcher.windowLast()).isEqualTo(-1);

        watcher.observe(70, "G1 Young Generation", 8);
        watcher.observe(55, "G1 Old Generation", 1);

        assertThat(watcher.windowMin()).isEqualTo(55);
        assertThat(watcher.windowMax()).isEqualTo(70);
        assertThat(watcher.windowLast()).isEqualTo(55);
        assertThat(watcher.last()).isEqualTo(55);
    }

    @Test
    void aRealWindowTakesTheCollectionsThatRunInIt() {
        GcWatcher watcher = new GcWatcher();
        assertThat(watcher.install()).isTrue();
        try {
            java.util.Map<String, Long> counts = new java.util.HashMap<>();
            for (java.lang.management.GarbageCollectorMXBean gc :
                    java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                counts.put(gc.getName(), gc.getCollectionCount());
            }
            watcher.openWindow(counts);
            System.gc();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (watcher.windowLast() < 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(watcher.windowLast()).isPositive();
        } finally {
            watcher.uninstall();
        }
    }
}
