package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs probes for the engine: numbers them in the order they are asked for, keeps every result, stops at
 * {@code maxProbes}, and runs up to {@code parallelProbes} of them at once. The search itself stays on one thread:
 * only the forks run in parallel, and a probe's id and its place in the report depend on when it was asked for, not
 * on when it finished.
 */
final class Probes implements AutoCloseable {

    private final ForkRunner runner;
    private final int maxProbes;
    private final ProgressListener listener;
    private final ExecutorService pool;
    private final Map<Integer, ForkResult> finished = new TreeMap<>();
    private final List<Pending> started = new ArrayList<>();
    private int asked;

    Probes(ForkRunner runner, int maxProbes, int parallelProbes, ProgressListener listener) {
        this.runner = runner;
        this.maxProbes = maxProbes;
        this.listener = listener;
        this.pool = parallelProbes > 1 ? Executors.newFixedThreadPool(parallelProbes, Probes::worker) : null;
    }

    private static Thread worker(Runnable task) {
        Thread thread = new Thread(task, "memprobe-probe");
        thread.setDaemon(true);
        return thread;
    }

    /** A probe asked for: running in the background, or already finished when probes run one at a time. */
    final class Pending {
        private final Probe probe;
        private final Future<ForkResult> future;
        private final ForkResult result;

        private Pending(Probe probe, Future<ForkResult> future, ForkResult result) {
            this.probe = probe;
            this.future = future;
            this.result = result;
        }

        Probe probe() {
            return probe;
        }

        /** Waits for the probe's fork to end. */
        ForkResult get() {
            if (result != null) {
                return result;
            }
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while probe " + probe.id() + " ran", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Starts the probe in a fresh fork, in the background when probes may run in parallel; empty when the budget is
     * spent.
     */
    Optional<Pending> start(ProbePlan plan) {
        if (exhausted()) {
            return Optional.empty();
        }
        Probe probe = plan.numbered(++asked);
        Pending pending = pool == null
                ? new Pending(probe, null, execute(probe))
                : new Pending(probe, pool.submit(() -> execute(probe)), null);
        started.add(pending);
        return Optional.of(pending);
    }

    /** Runs the probe in a fresh fork and waits for it; empty when the probe budget is spent. */
    Optional<ForkResult> run(ProbePlan plan) {
        return start(plan).map(Pending::get);
    }

    private ForkResult execute(Probe probe) {
        listener.probeStarting(probe);
        ForkResult result = runner.run(probe);
        synchronized (finished) {
            finished.put(probe.id(), result);
        }
        listener.probeFinished(result);
        return result;
    }

    /** Whether probes may run at the same time. */
    boolean parallel() {
        return pool != null;
    }

    boolean exhausted() {
        return asked >= maxProbes;
    }

    /** Every probe asked for, finished, in the order they were asked for. */
    List<ForkResult> results() {
        for (Pending pending : started) {
            pending.get();
        }
        synchronized (finished) {
            return List.copyOf(finished.values());
        }
    }

    /** Waits for every probe still running, then stops the workers. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // forks end on their own or by their watchdog: keep waiting
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
