package dev.memprobe.bisect;

import java.util.List;
import java.util.Set;

/**
 * One fork to run: an ordered subset of the test classes, numbered. The search asks for one with a {@link ProbePlan}.
 *
 * @param id 1-based, in the order probes were asked for
 * @param purpose what the probe asks, for the console and the report
 * @param surefireOrder run the classes in the order Surefire's own {@code runOrder} gives them (the first probe, to
 *     see CI's order), rather than in the order listed
 * @param histogramClasses classes whose live-object histogram the fork should diff (expensive: culprits only)
 * @param stopOnFailure stop the fork as soon as a test fails of memory (its question is answered); when false the fork
 *     goes on past memory errors, a heap OutOfMemoryError that JUnit 5 rethrows included when a collection gives
 *     the heap back
 * @param dumps the heap dumps the fork writes, for the report to say what holds the memory
 */
public record Probe(
        int id,
        List<String> classes,
        Purpose purpose,
        boolean surefireOrder,
        Set<String> histogramClasses,
        boolean stopOnFailure,
        DumpRequest dumps) {

    public Probe {
        classes = List.copyOf(classes);
        histogramClasses = Set.copyOf(histogramClasses);
    }

    /** A probe that asks for no heap dump. */
    public Probe(
            int id,
            List<String> classes,
            Purpose purpose,
            boolean surefireOrder,
            Set<String> histogramClasses,
            boolean stopOnFailure) {
        this(id, classes, purpose, surefireOrder, histogramClasses, stopOnFailure, DumpRequest.NONE);
    }
}
