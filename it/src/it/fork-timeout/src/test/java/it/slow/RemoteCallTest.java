package it.slow;

import org.junit.jupiter.api.Test;

/**
 * Waits for a server that never answers, and its shutdown hook waits for the connection to close, so the JVM ignores
 * SIGTERM too: memprobe must follow up with SIGKILL.
 */
class RemoteCallTest {

    @Test
    void waitsForTheServer() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Object connection = new Object();
            synchronized (connection) {
                try {
                    connection.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        Object server = new Object();
        synchronized (server) {
            server.wait();
        }
    }
}
