package dev.memprobe.bisect;

import java.util.List;
import java.util.Set;

/**
 * A probe as the search asks for it, before {@link Probes} numbers it: the classes, what it asks, and how the fork
 * runs them. {@link #of} gives the plain case (the classes in the order listed, no histograms, the fork stopped at the
 * first memory failure, since that answers the question); the other settings are named steps.
 *
 * @see Probe for what each setting does in the fork
 */
record ProbePlan(
        List<String> classes,
        Purpose purpose,
        boolean surefireOrder,
        Set<String> histogramClasses,
        boolean stopOnFailure) {

    ProbePlan {
        classes = List.copyOf(classes);
        histogramClasses = Set.copyOf(histogramClasses);
    }

    static ProbePlan of(List<String> classes, Purpose purpose) {
        return new ProbePlan(classes, purpose, false, Set.of(), true);
    }

    /** In the order Surefire's {@code runOrder} gives the classes, as CI runs them. */
    ProbePlan inSurefireOrder() {
        return new ProbePlan(classes, purpose, true, histogramClasses, stopOnFailure);
    }

    /** With the live-object histograms of these classes diffed. */
    ProbePlan withHistograms(Set<String> classNames) {
        return new ProbePlan(classes, purpose, surefireOrder, classNames, stopOnFailure);
    }

    /** Going on past the memory errors the fork survives, so that one fork answers for all its classes. */
    ProbePlan goingOnPastMemoryErrors() {
        return new ProbePlan(classes, purpose, surefireOrder, histogramClasses, false);
    }

    Probe numbered(int id) {
        return new Probe(id, classes, purpose, surefireOrder, histogramClasses, stopOnFailure);
    }
}
