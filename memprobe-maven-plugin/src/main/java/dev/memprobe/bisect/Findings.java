package dev.memprobe.bisect;

import static dev.memprobe.bisect.Evidence.count;
import static dev.memprobe.bisect.Evidence.describe;
import static dev.memprobe.bisect.Evidence.millis;
import static dev.memprobe.config.ClassNames.simple;

import java.util.List;

/** The conclusions that name no culprit, worded with their numbers and the next step. */
final class Findings {

    private Findings() {}

    static Finding outsideClass(ForkResult result, Failure failure) {
        return new Finding(
                Finding.OUTSIDE_CLASS,
                "The fork died while no test class was running (" + describe(failure)
                        + "): before the first class, between classes or after the last. Check the argLine, "
                        + "memprobe.maxHeap and the fork's output in target/memprobe/probes/probe-"
                        + result.probe().id() + ".",
                List.of());
    }

    static Finding externalSignal(Failure failure) {
        return new Finding(
                Finding.EXTERNAL_SIGNAL,
                "The fork was stopped by a SIGTERM from outside memprobe (exit " + failure.exitCode() + ") while "
                        + (failure.victim() == null ? "no test class" : failure.victim())
                        + " ran; memprobe cannot reproduce a signal it did not send.",
                failure.victim() == null ? List.of() : List.of(failure.victim()));
    }

    static Finding slowSuite(String victim, ForkResult alone) {
        return new Finding(
                Finding.SLOW_SUITE,
                "The fork ran out of time while " + victim + " ran, but " + victim + " finishes alone in "
                        + millis(alone.wallMs()) + ": the suite as a whole takes longer than memprobe.forkTimeout.",
                List.of(victim));
    }

    /**
     * @param atLeast the fewest earlier classes that the probes prove a reproducing set needs
     * @param ranking the classes by memory left behind, largest first
     */
    static Finding noSmallSet(Failure failure, int atLeast, int maxPolluters, List<Growth.Score> ranking) {
        return new Finding(
                Finding.NO_SMALL_SET,
                "Memory adds up across many classes: " + simple(failure.victim()) + " dies (" + describe(failure)
                        + ") only after at least " + atLeast + " earlier classes together; no set of at most "
                        + maxPolluters + " reproduces it. The classes that left most behind lead the ranking.",
                ranking.stream().limit(10).map(Growth.Score::className).toList());
    }

    static Finding budgetInSearch(int maxProbes, Failure failure, List<String> suspects) {
        return new Finding(
                Finding.BUDGET,
                "memprobe.maxProbes (" + maxProbes + ") ran out while searching what kills "
                        + simple(failure.victim()) + " (" + describe(failure) + "); the polluters are among these "
                        + count(suspects) + ". Raise memprobe.maxProbes to narrow it down.",
                suspects);
    }

    static Finding budget(int maxProbes, String when) {
        return new Finding(
                Finding.BUDGET,
                "memprobe.maxProbes (" + maxProbes + ") ran out " + when
                        + ". Raise memprobe.maxProbes, or narrow the set with memprobe.testFile.",
                List.of());
    }
}
