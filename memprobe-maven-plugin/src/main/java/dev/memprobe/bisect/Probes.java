package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs probes for the engine: numbers them, keeps every result, and stops at {@code maxProbes}. */
final class Probes {

    private final ForkRunner runner;
    private final int maxProbes;
    private final ProgressListener listener;
    private final List<ForkResult> results = new ArrayList<>();

    Probes(ForkRunner runner, int maxProbes, ProgressListener listener) {
        this.runner = runner;
        this.maxProbes = maxProbes;
        this.listener = listener;
    }

    /** Runs the classes in a fresh fork; empty when the probe budget is spent. */
    Optional<ForkResult> run(
            List<String> classes, String purpose, boolean surefireOrder, Set<String> histogramClasses) {
        if (exhausted()) {
            return Optional.empty();
        }
        Probe probe = new Probe(results.size() + 1, classes, purpose, surefireOrder, histogramClasses, true);
        listener.probeStarting(probe);
        ForkResult result = runner.run(probe);
        results.add(result);
        listener.probeFinished(result);
        return Optional.of(result);
    }

    Optional<ForkResult> run(List<String> classes, String purpose) {
        return run(classes, purpose, false, Set.of());
    }

    boolean exhausted() {
        return results.size() >= maxProbes;
    }

    int spent() {
        return results.size();
    }

    List<ForkResult> results() {
        return List.copyOf(results);
    }
}
