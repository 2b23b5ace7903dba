package dev.memprobe.bisect;

import java.util.List;

/**
 * Everything the engine needs to search, fixed before the first fork starts. The user's values are checked once,
 * where the goal reads them ({@code BisectOptions}); only the forks at once, which "auto" leaves open until the
 * machine is known, are checked here.
 *
 * @param classes the test classes in the order CI runs them
 * @param confirmRuns times each verdict must be seen again after the run that found it (a hog's death in the fork
 *     it was found in counts once); a verdict that does not reproduce is reported as intermittent
 * @param maxProbes forks the search may spend in all
 * @param maxPolluters the largest polluter set still reported as a culprit
 * @param parallelProbes forks that may run at once
 */
public record BisectRequest(
        List<String> classes,
        Strategy strategy,
        int batchSize,
        boolean failFast,
        int confirmRuns,
        int maxProbes,
        int maxPolluters,
        int parallelProbes) {

    public static final int DEFAULT_MAX_POLLUTERS = 8;

    public BisectRequest {
        classes = List.copyOf(classes);
        if (parallelProbes < 1) {
            throw new IllegalArgumentException("parallelProbes must be at least 1");
        }
    }

    /** The defaults of the goal, for {@code classes} (tests use this). */
    public static BisectRequest of(List<String> classes) {
        return new BisectRequest(classes, Strategy.BISECT, 3, false, 1, 50, DEFAULT_MAX_POLLUTERS, 1);
    }

    public BisectRequest withStrategy(Strategy value) {
        return new BisectRequest(
                classes, value, batchSize, failFast, confirmRuns, maxProbes, maxPolluters, parallelProbes);
    }

    public BisectRequest withConfirmRuns(int value) {
        return new BisectRequest(
                classes, strategy, batchSize, failFast, value, maxProbes, maxPolluters, parallelProbes);
    }

    public BisectRequest withMaxProbes(int value) {
        return new BisectRequest(
                classes, strategy, batchSize, failFast, confirmRuns, value, maxPolluters, parallelProbes);
    }

    public BisectRequest withFailFast(boolean value) {
        return new BisectRequest(
                classes, strategy, batchSize, value, confirmRuns, maxProbes, maxPolluters, parallelProbes);
    }

    public BisectRequest withBatchSize(int value) {
        return new BisectRequest(
                classes, strategy, value, failFast, confirmRuns, maxProbes, maxPolluters, parallelProbes);
    }

    public BisectRequest withParallelProbes(int value) {
        return new BisectRequest(classes, strategy, batchSize, failFast, confirmRuns, maxProbes, maxPolluters, value);
    }
}
