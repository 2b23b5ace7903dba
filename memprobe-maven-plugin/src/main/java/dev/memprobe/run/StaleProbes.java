package dev.memprobe.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The probe folders of an earlier run in the same output folder: they must go, or {@code probes/probe-7} of a run
 * with 2 probes would still show an older run's journal. Deleting them takes a while (Surefire's reports, two files a
 * class: 0.15 to 0.35 s at 800 classes), so the folder is renamed aside at once, which is a single rename in the same
 * folder, and deleted on a thread of its own while the first fork runs. {@link #close} waits for it.
 */
public final class StaleProbes implements AutoCloseable {

    public static final String ASIDE_PREFIX = ".probes-old-";

    private final Thread deleter;

    private StaleProbes(Thread deleter) {
        this.deleter = deleter;
    }

    /**
     * Moves {@code probes} aside and starts deleting it, with what earlier runs left aside (a run Maven stopped before
     * its end). When the folder cannot be renamed (a file held open on Windows, say) it is deleted here and now.
     *
     * @throws IOException when {@code probes} can be neither renamed nor deleted
     */
    public static StaleProbes clear(Path probes) throws IOException {
        Path parent = probes.toAbsolutePath().getParent();
        List<Path> doomed = new ArrayList<>();
        if (Files.isDirectory(parent)) {
            try (DirectoryStream<Path> aside = Files.newDirectoryStream(parent, ASIDE_PREFIX + "*")) {
                aside.forEach(doomed::add);
            }
        }
        if (Files.exists(probes)) {
            Path aside = parent.resolve(ASIDE_PREFIX + UUID.randomUUID());
            try {
                Files.move(probes, aside, StandardCopyOption.ATOMIC_MOVE);
                doomed.add(aside);
            } catch (IOException e) {
                delete(probes);
            }
        }
        Thread deleter = new Thread(
                () -> {
                    for (Path folder : doomed) {
                        try {
                            delete(folder);
                        } catch (IOException e) {
                            // left for the next run to try again: it has the same name pattern
                        }
                    }
                },
                "memprobe-stale-probes");
        deleter.setDaemon(true);
        deleter.start();
        return new StaleProbes(deleter);
    }

    /** Waits until the stale folders are gone (or could not be deleted). */
    @Override
    public void close() {
        try {
            deleter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
