package dev.memprobe.bisect;

import java.util.List;
import java.util.Set;

/**
 * A probe as the search asks for it, before {@link Probes} numbers it: the classes, what it asks, and how the fork
 * runs them. {@link #of} gives the plain case (the classes in the order listed, no histograms, the fork stopped at the
 * first memory failure, since that answers the question, no heap dump but a hog's); the other settings are named
 * steps.
 *
 * @see Probe for what each setting does in the fork
 */
record ProbePlan(
        List<String> classes,
        Purpose purpose,
        boolean surefireOrder,
        Set<String> histogramClasses,
        boolean stopOnFailure,
        DumpRequest dumps) {

    ProbePlan {
        classes = List.copyOf(classes);
        histogramClasses = Set.copyOf(histogramClasses);
    }

    /**
     * The plain probe; one that asks whether a class dies alone asks for its heap dump at its memory error too, so that
     * a hog's dump costs no fork of its own (the JVM writes it only if the class does die of memory).
     */
    static ProbePlan of(List<String> classes, Purpose purpose) {
        DumpRequest dumps = DumpRequest.NONE;
        if (purpose instanceof Purpose.Alone alone) {
            dumps = DumpRequest.onErrorOf(alone.className());
        } else if (purpose instanceof Purpose.AloneThenRest first) {
            dumps = DumpRequest.onErrorOf(first.className());
        }
        return new ProbePlan(classes, purpose, false, Set.of(), true, dumps);
    }

    /** In the order Surefire's {@code runOrder} gives the classes, as CI runs them. */
    ProbePlan inSurefireOrder() {
        return new ProbePlan(classes, purpose, true, histogramClasses, stopOnFailure, dumps);
    }

    /** With the live-object histograms of these classes diffed. */
    ProbePlan withHistograms(Set<String> classNames) {
        return new ProbePlan(classes, purpose, surefireOrder, classNames, stopOnFailure, dumps);
    }

    /** Going on past the memory errors the fork survives, so that one fork answers for all its classes. */
    ProbePlan goingOnPastMemoryErrors() {
        return new ProbePlan(classes, purpose, surefireOrder, histogramClasses, false, dumps);
    }

    /** With these heap dumps asked of the fork. */
    ProbePlan withHeapDumps(DumpRequest request) {
        return new ProbePlan(classes, purpose, surefireOrder, histogramClasses, stopOnFailure, request);
    }

    Probe numbered(int id) {
        return new Probe(id, classes, purpose, surefireOrder, histogramClasses, stopOnFailure, dumps);
    }
}
