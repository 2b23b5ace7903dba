package dev.memprobe.maven;

import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.ForkRunner;
import dev.memprobe.bisect.Probe;
import dev.memprobe.fork.CrashLog;
import dev.memprobe.fork.ForkEnd;
import dev.memprobe.fork.ForkWatcher;
import dev.memprobe.fork.JournalInterpreter;
import dev.memprobe.fork.ProcessControl;
import dev.memprobe.journal.ForkOptions;
import dev.memprobe.run.Forks;
import dev.memprobe.run.RunRequest;
import dev.memprobe.run.StaleProbes;
import dev.memprobe.units.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs a probe through Surefire's own fork machinery: writes the probe's plan, points the fork's journal, reports
 * and crash log into the probe's folder, watches the fork while it runs, and reads back what happened.
 */
final class SurefireForkRunner implements ForkRunner {

    /**
     * The limits and places every probe shares.
     *
     * @param grace how long a fork that was sent SIGTERM has before SIGKILL
     * @param retainers whether forks write the heap dumps probes ask for ({@code memprobe.retainers})
     * @param stopOnGcOverhead whether the forks watch for GC overhead and are stopped once past saving
     */
    record Settings(
            Path probesFolder,
            String argLine,
            long maxHeap,
            long memoryLimit,
            Duration timeout,
            Duration grace,
            double nearLimit,
            boolean exactRetained,
            boolean retainers,
            boolean stopOnGcOverhead) {

        /** A bisect's settings: its probe folder, the project's argLine, memprobe's limits. */
        static Settings of(RunRequest request) {
            return new Settings(
                    request.probesFolder(),
                    request.project().argLine(),
                    request.options().maxHeap(),
                    request.options().memoryLimit(),
                    request.timeout(),
                    Duration.ofSeconds(10),
                    ForkOptions.DEFAULT_NEAR_LIMIT,
                    request.options().exactRetained(),
                    request.options().retainers(),
                    request.options().stopOnGcOverhead());
        }
    }

    private final BlockingQueue<SurefireMojoSupport> idle;
    private final Settings settings;
    private final ForkReaper reaper;
    private final ProcessControl control;

    /**
     * @param instances the goal's instances: one per fork that may run at the same time (Surefire's mojo keeps a
     *     run's state in its fields)
     */
    SurefireForkRunner(
            List<SurefireMojoSupport> instances, Settings settings, ForkReaper reaper, ProcessControl control) {
        this.idle = new ArrayBlockingQueue<>(instances.size(), false, instances);
        this.settings = settings;
        this.reaper = reaper;
        this.control = control;
    }

    @Override
    public ForkResult run(Probe probe) {
        SurefireMojoSupport mojo;
        try {
            mojo = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Forks.ProbeNotRun("interrupted before probe " + probe.id() + " could start", e);
        }
        try {
            return run(probe, mojo);
        } finally {
            idle.add(mojo);
        }
    }

    private ForkResult run(Probe probe, SurefireMojoSupport mojo) {
        Path folder = settings.probesFolder().resolve("probe-" + probe.id());
        Path journal = folder.resolve("journal.jsonl");
        Path plan = folder.resolve("plan.txt");
        try {
            StaleProbes.delete(folder);
            Files.createDirectories(folder);
            Files.write(plan, probe.classes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("memprobe cannot prepare " + folder + ": " + e.getMessage(), e);
        }
        ForkOptions options = new ForkOptions(
                        journal.toString(),
                        plan.toString(),
                        probe.surefireOrder(),
                        null,
                        settings.nearLimit(),
                        settings.exactRetained(),
                        probe.histogramClasses(),
                        10)
                .withContinueAfterMemoryError(!probe.stopOnFailure())
                .withWatchGcOverhead(settings.stopOnGcOverhead());
        if (settings.retainers()) { // memprobe.retainers=false: no heap dump at all
            options = options.withHeapDumps(probe.dumps().atEnd(), probe.dumps().onError())
                    .withThreadStarts(probe.dumps().threadStarts());
        }
        for (Map.Entry<String, String> property : options.toProperties().entrySet()) {
            mojo.putProviderProperty(property.getKey(), property.getValue());
        }
        if (probe.histogramClasses().isEmpty()) {
            mojo.putProviderProperty(ForkOptions.HISTOGRAM_CLASSES, "");
        }
        // the goal's instances run probe after probe: an earlier probe's dumps must not stay asked for
        if (options.dumpAtEnd().isEmpty()) {
            mojo.putProviderProperty(ForkOptions.DUMP_AT_END, "");
        }
        if (options.dumpOnError().isEmpty()) {
            mojo.putProviderProperty(ForkOptions.DUMP_ON_ERROR, "");
        }
        mojo.setReportsDirectory(folder.resolve("surefire-reports").toFile());
        // Surefire deletes its temporary folder (booter jar, properties) when a fork ends: forks running at the
        // same time must not share one
        mojo.setTempDir("memprobe-surefire/probe-" + probe.id());
        mojo.setArgLine(argLine(folder));

        long started = System.nanoTime();
        long askedAt = System.currentTimeMillis();
        SurefireMojoSupport.SurefireRun run;
        ForkWatcher watcher = new ForkWatcher(
                journal,
                settings.memoryLimit(),
                settings.timeout(),
                settings.grace(),
                probe.stopOnFailure(),
                settings.stopOnGcOverhead(),
                control,
                reaper::started);
        try (watcher) {
            watcher.start();
            run = mojo.runSurefire();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new Forks.ProbeNotRun(e.getMessage(), e);
        } finally {
            reaper.ended(watcher.pid());
        }
        long wall = (System.nanoTime() - started) / 1_000_000L;
        String message = run.forkException() == null ? null : messages(run.forkException());
        ForkEnd end = new ForkEnd(
                run.forkException() == null,
                JournalInterpreter.exitCode(message),
                message,
                watcher.action(),
                CrashLog.find(folder).orElse(null),
                wall,
                askedAt);
        return JournalInterpreter.interpret(probe, watcher.journal(), end);
    }

    /** The project's argLine, then memprobe's limits, so that they win over any earlier -Xmx. */
    String argLine(Path folder) {
        StringBuilder line = new StringBuilder();
        if (settings.argLine() != null && !settings.argLine().isBlank()) {
            line.append(settings.argLine().trim()).append(' ');
        }
        if (settings.maxHeap() > 0) {
            line.append("-Xmx").append(Size.toJvm(settings.maxHeap())).append(' ');
        }
        line.append(CrashLog.errorFileOption(folder));
        return line.toString();
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 10_000; t = t.getCause()) {
            if (t.getMessage() != null) {
                text.append(t.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
