package dev.memprobe.bisect;

import java.util.List;

/**
 * A conclusion that names no culprit: memory that adds up with no small set to blame, a fork that died outside any
 * test class, a search cut short by {@code maxProbes}. Reported beside the culprits, never as one. Data, like
 * {@link Evidence}: the report words it ({@code dev.memprobe.report.FindingText}), and the renderer's test words
 * every record this interface permits.
 */
public sealed interface Finding {

    Kind kind();

    /** The classes it concerns, most relevant first. */
    default List<String> classes() {
        return List.of();
    }

    /** The values of {@code kind} in {@code report.json}. */
    enum Kind {
        /** Memory adds up across many classes; no set of at most {@code maxPolluters} reproduces the death. */
        NO_SMALL_SET("cumulative-no-small-set"),
        /** The fork died before or between test classes. */
        OUTSIDE_CLASS("died-outside-class"),
        /** The fork ran out of time but the class in flight finishes on its own. */
        SLOW_SUITE("suite-exceeds-timeout"),
        /** A signal from outside stopped the fork; memprobe cannot reproduce it. */
        EXTERNAL_SIGNAL("external-signal"),
        /** {@code maxProbes} ran out before the search ended. */
        BUDGET("probe-budget-exhausted"),
        /** A class died only of memory that polluters already blamed keep: no culprit of its own. */
        NEEDS_BLAMED_MEMORY("dies-of-blamed-memory"),
        /** A class died where it ran only to carry its memory to the classes after it; not searched. */
        DIED_WHEN_CARRIED("died-when-carried");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * @param atLeast the fewest earlier classes that the probes prove a reproducing set needs
     * @param leaders the classes that left most behind, largest first
     */
    record NoSmallSet(Failure failure, int atLeast, int maxPolluters, List<String> leaders) implements Finding {

        public NoSmallSet {
            leaders = List.copyOf(leaders);
        }

        @Override
        public Kind kind() {
            return Kind.NO_SMALL_SET;
        }

        @Override
        public List<String> classes() {
            return leaders;
        }
    }

    /** The fork of {@code probe} died of {@code failure} while no test class ran. */
    record OutsideClass(Failure failure, int probe) implements Finding {
        @Override
        public Kind kind() {
            return Kind.OUTSIDE_CLASS;
        }
    }

    /** The fork ran out of time in {@code victim}, which finishes alone in {@code aloneMs}. */
    record SlowSuite(String victim, long aloneMs) implements Finding {
        @Override
        public Kind kind() {
            return Kind.SLOW_SUITE;
        }

        @Override
        public List<String> classes() {
            return List.of(victim);
        }
    }

    /** A signal memprobe did not send stopped the fork. */
    record ExternalSignal(Failure failure) implements Finding {
        @Override
        public Kind kind() {
            return Kind.EXTERNAL_SIGNAL;
        }

        @Override
        public List<String> classes() {
            return failure.victim() == null ? List.of() : List.of(failure.victim());
        }
    }

    /** {@code maxProbes} ran out while searching the polluters of {@code failure}'s victim, among the suspects. */
    record BudgetInSearch(int maxProbes, Failure failure, List<String> suspects) implements Finding {

        public BudgetInSearch {
            suspects = List.copyOf(suspects);
        }

        @Override
        public Kind kind() {
            return Kind.BUDGET;
        }

        @Override
        public List<String> classes() {
            return suspects;
        }
    }

    /**
     * {@code maxProbes} ran out at this stage of the search.
     *
     * @param className the class the stage was about ({@link Stage#RUN_ALONE}, {@link Stage#CONFIRMATION}), else null
     */
    record Budget(int maxProbes, Stage stage, String className) implements Finding {

        /** Where the search stood. */
        public enum Stage {
            /** Before every class of the suite had run. */
            SUITE,
            /** Before every batch had run. */
            BATCHES,
            /** While the members of a failing batch ran alone. */
            BATCH_MEMBERS,
            /** Before every class had run alone. */
            ISOLATED,
            /** Before the class could be run alone. */
            RUN_ALONE,
            /** Before the class's verdict could be confirmed. */
            CONFIRMATION
        }

        @Override
        public Kind kind() {
            return Kind.BUDGET;
        }
    }

    /**
     * The class died in {@code probe} after classes had run that the suite with the culprits found so far fixed no
     * longer has (polluters since blamed, hogs); in probe {@code again}, after what that suite runs before it, it
     * passed: it died of their memory and is no culprit of its own.
     *
     * @param blamed those classes, in the order they ran
     */
    record NeedsBlamedMemory(Failure failure, int probe, List<String> blamed, int again) implements Finding {

        public NeedsBlamedMemory {
            blamed = List.copyOf(blamed);
        }

        @Override
        public Kind kind() {
            return Kind.NEEDS_BLAMED_MEMORY;
        }

        @Override
        public List<String> classes() {
            return List.of(failure.victim());
        }
    }

    /**
     * A class that a fork for the rest of the suite ran only to carry what it keeps to the classes after it died
     * there, in {@code probe}; the search did not diagnose it again, and the classes after it ran without it.
     *
     * @param victimBefore it is the victim of a verdict whose polluters that fork left out: the memory of other classes
     *     adds up to kill it as well; false: it had passed where CI runs it
     */
    record DiedWhenCarried(Failure failure, int probe, boolean victimBefore) implements Finding {
        @Override
        public Kind kind() {
            return Kind.DIED_WHEN_CARRIED;
        }

        @Override
        public List<String> classes() {
            return List.of(failure.victim());
        }
    }

    /**
     * {@code maxProbes} ran out before the classes after a death ran again in a fork that carries what the suite with
     * the culprits found so far fixed runs before them: whether they fail was not searched.
     *
     * @param after the class whose death left them unrun; null when they are a failure the search did not trust and
     *     the classes after it, to run again
     * @param notRun those classes, in run order
     */
    record RestNotRun(int maxProbes, String after, List<String> notRun) implements Finding {

        public RestNotRun {
            notRun = List.copyOf(notRun);
        }

        @Override
        public Kind kind() {
            return Kind.BUDGET;
        }

        @Override
        public List<String> classes() {
            return notRun;
        }
    }
}
