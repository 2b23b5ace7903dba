package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.mib;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A scripted test suite behind the {@link ForkRunner} port: every probe is a fresh simulated fork (see
 * {@link SimulatedFork} for the heap model) that runs the probe's classes in the order listed, measures each class as
 * the provider would, and stops at the first death. It counts probes and fork time so tests can compare strategies;
 * flaky classes draw from one seeded {@link SplittableRandom} (seeds 1, 2, 3... give unrelated draws, which those of
 * {@code java.util.Random} do not), so a test sees the same runs every time.
 */
final class SimulatedSuite implements ForkRunner {

    private final Map<String, SimulatedClass> classes;
    private final long heapMax;
    private final long base;
    private final long young;
    private final long jvmStartMs;
    private final long forkTimeoutMs;
    private final boolean exact;
    private final boolean oomAsTestError;
    private final boolean measuresDeath;
    private final long crawlsAbove;
    private final SplittableRandom random;
    private final Map<Resource, Long> limits;
    private final Map<String, Integer> runsOf = new HashMap<>();
    private final List<Probe> probes = new ArrayList<>();
    private long forkMillis;

    private SimulatedSuite(Builder b) {
        this.classes = new LinkedHashMap<>(b.classes);
        this.heapMax = b.heapMax;
        this.base = b.base;
        this.young = b.young;
        this.jvmStartMs = b.jvmStartMs;
        this.forkTimeoutMs = b.forkTimeoutMs;
        this.exact = b.exact;
        this.oomAsTestError = b.oomAsTestError;
        this.measuresDeath = b.measuresDeath;
        this.crawlsAbove = b.crawlsAbove;
        this.random = new SplittableRandom(b.seed);
        this.limits = new EnumMap<>(b.limits);
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public ForkResult run(Probe probe) {
        probes.add(probe);
        SimulatedFork fork = new SimulatedFork(this, this::flakes);
        fork.run(resolve(probe.classes()), probe.histogramClasses(), probe.stopOnFailure());
        long wall = jvmStartMs + fork.elapsedMs();
        forkMillis += wall;
        ForkInfo info = new ForkInfo(
                4000 + probe.id(),
                "17.0.12",
                "Eclipse Adoptium",
                "OpenJDK 64-Bit Server VM",
                heapMax,
                List.of("G1 Young Generation", "G1 Old Generation"),
                true,
                false,
                200,
                jvmStartMs);
        List<String> notes = fork.stopped() && fork.death() == null
                ? List.of("memprobe stopped the fork once a test had failed of memory")
                : List.of();
        return new ForkResult(probe, probe.classes(), fork.runs(), fork.death(), wall, info, notes);
    }

    /**
     * Whether {@code victim}, run after {@code before} in a fresh fork, dies (of anything), leaving flaky deaths out.
     * Neither counts as a probe nor draws from the seed: the tests' oracle.
     */
    boolean dies(List<String> before, String victim) {
        List<String> names = new ArrayList<>(before);
        names.add(victim);
        SimulatedFork fork = new SimulatedFork(this, c -> false);
        fork.run(resolve(names), Set.of(), true);
        List<ClassRun> runs = fork.runs();
        return runs.size() == names.size() && runs.get(runs.size() - 1).isFailure();
    }

    /** The class names in suite order: the set CI runs. */
    List<String> names() {
        return List.copyOf(classes.keySet());
    }

    SimulatedClass get(String name) {
        return classes.get(name);
    }

    /** Probes run so far. */
    int probes() {
        return probes.size();
    }

    List<Probe> probeLog() {
        return List.copyOf(probes);
    }

    /** Fork time spent so far: every fork's JVM start plus the time its classes ran. */
    long forkMillis() {
        return forkMillis;
    }

    long heapMax() {
        return heapMax;
    }

    long base() {
        return base;
    }

    long young() {
        return young;
    }

    long forkTimeoutMs() {
        return forkTimeoutMs;
    }

    boolean exact() {
        return exact;
    }

    boolean oomAsTestError() {
        return oomAsTestError;
    }

    boolean measuresDeath() {
        return measuresDeath;
    }

    /**
     * How much of a resource outside the heap the fork may use before it dies of it: metaspace
     * ({@code MaxMetaspaceSize}), live threads, direct buffers ({@code MaxDirectMemorySize}, the maximum heap unless
     * set) and the RSS (memprobe's memory limit; the heap counts in it as committed to its maximum). No limit unless
     * set, but for direct buffers.
     */
    long limit(Resource resource) {
        Long limit = limits.get(resource);
        if (limit != null) {
            return limit;
        }
        return resource == Resource.DIRECT_BUFFERS ? heapMax : Long.MAX_VALUE;
    }

    /** The live heap above which a class crawls and memprobe stops its fork as past saving; -1: never. */
    long crawlsAbove() {
        return crawlsAbove;
    }

    private boolean flakes(SimulatedClass c) {
        int run = runsOf.merge(c.name(), 1, Integer::sum);
        if (c.failingRuns().contains(run)) {
            return true;
        }
        return c.flakiness() > 0 && random.nextDouble() < c.flakiness();
    }

    private List<SimulatedClass> resolve(List<String> names) {
        List<SimulatedClass> resolved = new ArrayList<>();
        for (String name : names) {
            SimulatedClass c = classes.get(name);
            if (c == null) {
                throw new IllegalArgumentException("the engine asked for " + name + ", which is not in the suite");
            }
            resolved.add(c);
        }
        return resolved;
    }

    /** Builds a suite; the defaults are a 256 MiB heap, 16 MiB held by the JVM itself, a 24 MiB young generation. */
    static final class Builder {
        private final Map<String, SimulatedClass> classes = new LinkedHashMap<>();
        private long heapMax = mib(256);
        private long base = mib(16);
        private long young = mib(24);
        private long jvmStartMs = 1500;
        private long forkTimeoutMs = Long.MAX_VALUE;
        private boolean exact;
        private boolean oomAsTestError;
        private boolean measuresDeath = true;
        private long crawlsAbove = -1;
        private long seed = 1;
        private final Map<Resource, Long> limits = new EnumMap<>(Resource.class);

        Builder heapMax(long bytes) {
            this.heapMax = bytes;
            return this;
        }

        Builder base(long bytes) {
            this.base = bytes;
            return this;
        }

        Builder young(long bytes) {
            this.young = bytes;
            return this;
        }

        Builder jvmStartMs(long millis) {
            this.jvmStartMs = millis;
            return this;
        }

        Builder forkTimeoutMs(long millis) {
            this.forkTimeoutMs = millis;
            return this;
        }

        /** Forced collections at class boundaries: {@link Measure#retained()} is exact. */
        Builder exact() {
            this.exact = true;
            return this;
        }

        /** An OutOfMemoryError fails a test and the fork goes on (JUnit 4), instead of aborting the fork. */
        Builder oomAsTestError() {
            this.oomAsTestError = true;
            return this;
        }

        /** The dying class's measurements are lost (no memory left to write them). */
        Builder losesDeathMeasure() {
            this.measuresDeath = false;
            return this;
        }

        /** A limit on a resource outside the heap (see {@link SimulatedSuite#limit}). */
        Builder limit(Resource resource, long value) {
            this.limits.put(resource, value);
            return this;
        }

        /**
         * G1 crawls with more than {@code share} of the heap live, and memprobe stops the fork as past saving
         * ({@code memprobe.stopOnGcOverhead}): a {@code gc-overhead} death of the class in flight.
         */
        Builder crawlsAbove(double share) {
            this.crawlsAbove = (long) (heapMax * share);
            return this;
        }

        Builder seed(long value) {
            this.seed = value;
            return this;
        }

        Builder add(SimulatedClass... more) {
            for (SimulatedClass c : more) {
                if (classes.putIfAbsent(c.name(), c) != null) {
                    throw new IllegalArgumentException(c.name() + " is in the suite twice");
                }
            }
            return this;
        }

        /** Adds plain classes {@code prefix + from} to {@code prefix + to}, numbered with two digits at least. */
        Builder plain(String prefix, int from, int to) {
            for (int i = from; i <= to; i++) {
                add(SimulatedClass.plain(String.format("%s%02d", prefix, i)));
            }
            return this;
        }

        SimulatedSuite build() {
            return new SimulatedSuite(this);
        }
    }
}
