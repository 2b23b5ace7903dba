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
        BUDGET("probe-budget-exhausted");

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
}
