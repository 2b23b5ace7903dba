package it.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The polluter: a plugin host loads 6,000 plugins, each in a loader of its own under the host's loader, and starts a
 * watcher thread whose context class loader is the host's. The test forgets the host; the thread does not.
 */
class B1PluginHostTest {

    static final CountDownLatch STOP = new CountDownLatch(1);

    /** The host's loader: it keeps the plugins' loaders. */
    static final class PluginLoader extends ClassLoader {
        final List<Object> plugins = new ArrayList<>();

        PluginLoader() {
            super("plugins", null);
        }
    }

    @Test
    void loadsEveryPlugin() {
        PluginLoader host = new PluginLoader();
        for (Class<?> plugin : Classes.defineCopies(6_000)) {
            host.plugins.add(plugin);
        }
        Thread watcher = new Thread(B1PluginHostTest::watch, "plugin-watcher");
        watcher.setContextClassLoader(host);
        watcher.setDaemon(true);
        watcher.start();
        assertEquals(6_000, host.plugins.size());
    }

    static void watch() {
        try {
            STOP.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
