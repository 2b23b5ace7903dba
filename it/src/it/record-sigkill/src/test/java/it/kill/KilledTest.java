package it.kill;

import org.junit.jupiter.api.Test;

/** Another process sends this fork a SIGKILL, as a container's OOM killer would, while the test waits. */
class KilledTest {
    @Test
    void waitsForTheEnd() throws Exception {
        long self = ProcessHandle.current().pid();
        new ProcessBuilder("sh", "-c", "sleep 1; kill -9 " + self).start();
        Thread.sleep(60_000);
    }
}
