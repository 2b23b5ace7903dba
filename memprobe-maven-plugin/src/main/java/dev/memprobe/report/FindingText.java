package dev.memprobe.report;

import static dev.memprobe.names.ClassNames.simple;
import static dev.memprobe.report.Phrases.classes;
import static dev.memprobe.report.Phrases.failure;
import static dev.memprobe.report.Phrases.millis;

import dev.memprobe.bisect.Finding;
import dev.memprobe.names.ClassNames;
import java.util.List;

/** The {@code message} of a finding in {@code report.json}: what was seen, with its numbers and the next step. */
public final class FindingText {

    private FindingText() {}

    public static String of(Finding finding) {
        if (finding instanceof Finding.NoSmallSet f) {
            return "Memory adds up across many classes: " + simple(f.failure().victim()) + " dies ("
                    + failure(f.failure()) + ") only after at least " + f.atLeast()
                    + " earlier classes together; no set of at most " + f.maxPolluters()
                    + " reproduces it. The classes that left most behind lead the ranking.";
        }
        if (finding instanceof Finding.OutsideClass f) {
            return "The fork died while no test class was running (" + failure(f.failure())
                    + "): before the first class, between classes or after the last. Check the argLine, "
                    + "memprobe.maxHeap and the fork's output in target/memprobe/probes/probe-" + f.probe() + ".";
        }
        if (finding instanceof Finding.SlowSuite f) {
            return "The fork ran out of time while " + f.victim() + " ran, but " + f.victim() + " finishes alone in "
                    + millis(f.aloneMs()) + ": the suite as a whole takes longer than memprobe.forkTimeout.";
        }
        if (finding instanceof Finding.ExternalSignal f) {
            String victim = f.failure().victim();
            return "The fork was stopped by a SIGTERM from outside memprobe (exit "
                    + f.failure().exitCode()
                    + ") while " + (victim == null ? "no test class" : victim)
                    + " ran; memprobe cannot reproduce a signal it did not send.";
        }
        if (finding instanceof Finding.BudgetInSearch f) {
            return "memprobe.maxProbes (" + f.maxProbes() + ") ran out while searching what kills "
                    + simple(f.failure().victim()) + " (" + failure(f.failure()) + "); the polluters are among these "
                    + classes(f.suspects().size()) + ". Raise memprobe.maxProbes to narrow it down.";
        }
        if (finding instanceof Finding.NeedsBlamedMemory f) {
            String victim = simple(f.failure().victim());
            return victim + " died (" + failure(f.failure()) + ") in probe " + f.probe() + ", after "
                    + names(f.blamed())
                    + " had run there, since found to be culprits; in probe " + f.again()
                    + ", after the other classes before it without them, it passed: it died of their memory, not of"
                    + " a culprit of its own. Fixing them should fix " + victim + " too.";
        }
        if (finding instanceof Finding.DiedWhenCarried f) {
            String victim = simple(f.failure().victim());
            return victim + " died (" + failure(f.failure()) + ") in probe " + f.probe()
                    + ", where it ran only to carry what it keeps to the classes after it; "
                    + (f.victimBefore()
                            ? "that fork left its polluters out, so the memory of other classes before it adds up to"
                                    + " kill it as well. memprobe did not search them"
                            : "it had passed where CI runs it. memprobe did not search why (a flaky test?)")
                    + ", and ran the classes after it without it.";
        }
        if (finding instanceof Finding.RestNotRun f) {
            String which = f.after() == null
                    ? classes(f.notRun().size()) + " could run again"
                    : "the " + classes(f.notRun().size()) + " after " + simple(f.after()) + " could run";
            return "memprobe.maxProbes (" + f.maxProbes() + ") ran out before " + which
                    + " after what CI runs before them, without the culprits found: whether they fail there was not"
                    + " searched. Raise memprobe.maxProbes, or narrow the set with memprobe.testFile.";
        }
        if (finding instanceof Finding.Budget f) {
            return "memprobe.maxProbes (" + f.maxProbes() + ") ran out " + when(f)
                    + ". Raise memprobe.maxProbes, or narrow the set with memprobe.testFile.";
        }
        throw new IllegalArgumentException("no words for " + finding);
    }

    /** "A", "A and B", "A, B and 2 more". */
    private static String names(List<String> classNames) {
        List<String> names = classNames.stream().map(ClassNames::simple).toList();
        return switch (names.size()) {
            case 1 -> names.get(0);
            case 2 -> names.get(0) + " and " + names.get(1);
            default -> names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more";
        };
    }

    private static String when(Finding.Budget f) {
        return switch (f.stage()) {
            case SUITE -> "before every class had run";
            case BATCHES -> "before every batch had run";
            case BATCH_MEMBERS -> "while running batch members alone";
            case ISOLATED -> "before every class had run alone";
            case RUN_ALONE -> "before " + f.className() + " could be run alone";
            case CONFIRMATION -> "before " + simple(f.className()) + "'s verdict could be confirmed";
        };
    }
}
