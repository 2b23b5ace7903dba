package dev.memprobe.bisect;

import java.util.List;

/**
 * One fact that proves a verdict, as data: the numbers and kinds the search saw. The report words each one
 * ({@code dev.memprobe.report.EvidenceText}); a new kind of evidence is a record here and a sentence there, and the
 * renderer's test words every record this interface permits.
 */
public sealed interface Evidence {

    /**
     * A class's peak of the resource a cause is measured in, in one run.
     *
     * @param value the peak, -1 when not measured (the class did not run, or its measurements were lost)
     * @param heapMax for the heap: the fork's maximum heap (-1 otherwise, or unknown)
     * @param liveMax for the heap: the live heap after collections it reached (-1 otherwise, or unknown)
     */
    record Peak(Resource resource, long value, long heapMax, long liveMax) {

        /** The class's peak in {@code run}, by {@code resource}. */
        static Peak of(ForkResult run, String className, Resource resource) {
            Measure m = run.run(className).map(ClassRun::measure).orElse(Measure.NONE);
            boolean heap = resource == Resource.HEAP;
            return new Peak(resource, resource.peak(m), heap ? m.heapMax() : -1, heap ? m.liveMax() : -1);
        }
    }

    /** The class died alone, of this failure, at this peak. */
    record DiesAlone(Failure failure, Peak peak) implements Evidence {}

    /**
     * Where the class ran in the probe that found it.
     *
     * @param position 1-based, in start order
     * @param forkDied whether the fork died with it (else it went on after the class's memory error)
     */
    record RanInSuite(int probe, int position, boolean forkDied) implements Evidence {}

    /** The victim survived alone, at this peak. */
    record SurvivesAlone(String victim, Peak peak) implements Evidence {}

    /** After these polluters, each with what it left behind, the victim dies of this failure. */
    record DiesAfter(List<Polluter> polluters, Failure failure) implements Evidence {

        public DiesAfter {
            polluters = List.copyOf(polluters);
        }
    }

    /** A polluter and what it left behind in the failing fork, in the failure's resource (bytes, or threads). */
    record Polluter(String className, long left) {}

    /** The polluter search took {@code probes} probes to find {@code polluters} polluters of the victim. */
    record PollutersFound(int polluters, int probes, String victim) implements Evidence {}

    /** The class died of this failure in its fork; {@code first}: it was the fork's first class. */
    record DiedInFork(Failure failure, boolean first) implements Evidence {}

    /** It did not die again: alone, nor after the {@code before} classes that ran before it (0: alone only). */
    record NotAgain(int before) implements Evidence {}

    /** What a confirmation run's histograms say the class left behind, largest growth first. */
    record LeftBehind(String className, List<Measure.HistogramRow> rows) implements Evidence {

        public LeftBehind {
            rows = List.copyOf(rows);
        }
    }

    /** What each polluter kept, measured exactly in a confirmation run (after full collections). */
    record KeptExactly(List<Polluter> polluters) implements Evidence {

        public KeptExactly {
            polluters = List.copyOf(polluters);
        }
    }

    /** {@code maxProbes} ran out before the verdict's confirmation runs. */
    record Unconfirmed() implements Evidence {}

    /** Only {@code reproduced} of {@code attempts} runs reproduced the death. */
    record Intermittent(int reproduced, int attempts) implements Evidence {}
}
