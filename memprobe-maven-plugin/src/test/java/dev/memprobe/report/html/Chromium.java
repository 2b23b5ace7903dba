package dev.memprobe.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, run as a command: dump the DOM a page renders to, or take a screenshot of it. Every run gets a
 * fresh profile folder and no network features, so nothing is fetched and nothing carries over between runs.
 */
final class Chromium {

    /** Where Debian ({@code apt-get install chromium}), Ubuntu and Google put the browser. */
    static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable");

    /** The system property that names another browser binary. */
    static final String PROPERTY = "memprobe.chromium";

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;
    private final Path scratch;

    private Chromium(Path binary, Path scratch) {
        this.binary = binary;
        this.scratch = scratch;
    }

    /** The browser named by {@value #PROPERTY}, or the first of {@link #CANDIDATES} that exists. */
    static Optional<Chromium> find(Path scratch) {
        String configured = System.getProperty(PROPERTY);
        Stream<String> paths = configured != null ? Stream.of(configured) : CANDIDATES.stream();
        return paths.map(Path::of).filter(Files::isExecutable).findFirst().map(p -> new Chromium(p, scratch));
    }

    /**
     * The DOM of the page at {@code url} after it loaded and its scripts ran, in a window of the given width, with
     * {@code flags} added (e.g. {@code --force-dark-mode}).
     */
    String dumpDom(String url, int width, int height, List<String> flags) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(flags);
        arguments.addAll(
                List.of("--window-size=" + width + "," + height, "--virtual-time-budget=5000", "--dump-dom", url));
        return Files.readString(run("dump", arguments), StandardCharsets.UTF_8);
    }

    /** A PNG of the page at {@code url} in a window of the given size, with {@code flags} added. */
    void screenshot(String url, Path png, int width, int height, List<String> flags)
            throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        List<String> arguments = new ArrayList<>(flags);
        arguments.addAll(List.of(
                "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--hide-scrollbars",
                "--virtual-time-budget=5000",
                url));
        run("shot", arguments);
        if (!Files.isRegularFile(png)) {
            throw new IOException("Chromium exited without writing " + png);
        }
    }

    /** The DOM of {@code page} after it loaded, as Chromium serialises it. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = run("dump", List.of("--dump-dom", page.toUri().toString()));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of {@code page} in a window of the given size. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run(
                "shot",
                List.of(
                        "--screenshot=" + png.toAbsolutePath(),
                        "--window-size=" + width + "," + height,
                        "--hide-scrollbars",
                        page.toUri().toString()));
        if (!Files.isRegularFile(png)) {
            throw new IOException("Chromium exited without writing " + png);
        }
    }

    private Path run(String name, List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, name + "-profile");
        Path stdout = scratch.resolve(name + ".out");
        Path stderr = scratch.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("Chromium exited with " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return stdout;
    }

    @Override
    public String toString() {
        return binary.toString();
    }
}
