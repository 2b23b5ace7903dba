package dev.memprobe.bisect;

/**
 * The search: decides which ordered subset of classes to run next, runs it through a {@link ForkRunner}, and turns
 * the fork results into culprits. Pure Java: no Maven, no processes; tests drive it with a scripted fake runner.
 *
 * <p>Each {@link Strategy} is a {@link Search} over one {@link Investigation}, the state that owns the culprits,
 * findings, confirmations and probe budget. The {@link Strategy#BISECT} strategy runs the whole set in CI order; a
 * class that dies is run alone and {@link Diagnosis} tells what it is: a death alone makes it a single culprit,
 * survival a cumulative failure whose polluters {@link PolluterSearch} finds; then the search goes on with the
 * classes the failing fork never reached, after what the suite with the culprits found so far fixed runs before them
 * ({@link FixedSuite}: a polluter that ran before a hog still kills its victim after it).
 * {@link Strategy#BATCHES} and {@link Strategy#ISOLATED} are the seed toolkit's strategies. Every verdict is
 * confirmed by {@link Confirmation}; {@code failFast} stops at the first culprit.
 */
public final class BisectEngine {

    private final ForkRunner runner;
    private final ProgressListener listener;
    private final PolluterSearch.Guidance guidance;

    public BisectEngine(ForkRunner runner, ProgressListener listener) {
        this(runner, listener, PolluterSearch.Guidance.MEASURED);
    }

    /** For tests: {@link PolluterSearch.Guidance#NONE} searches polluters without measurements, to compare. */
    BisectEngine(ForkRunner runner, ProgressListener listener, PolluterSearch.Guidance guidance) {
        this.runner = runner;
        this.listener = listener;
        this.guidance = guidance;
    }

    public SearchResult run(BisectRequest request) {
        try (Probes probes = new Probes(runner, request.maxProbes(), request.parallelProbes(), listener)) {
            Investigation investigation = new Investigation(request, probes, guidance);
            request.strategy().search(investigation);
            return investigation.result();
        }
    }
}
