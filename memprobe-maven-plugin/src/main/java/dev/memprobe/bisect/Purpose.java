package dev.memprobe.bisect;

import java.util.List;

/**
 * What a probe asks, as data: the console and the report word it ({@code dev.memprobe.report.PurposeText}). A new
 * question is a record here and a sentence there; the renderer's test words every record this interface permits.
 */
public sealed interface Purpose {

    /** The first probe: the whole suite of {@code classes} classes, in CI's order. */
    record WholeSuite(int classes) implements Purpose {}

    /** The {@code classes} classes an earlier fork did not run. */
    record NotYetRun(int classes) implements Purpose {}

    /** Does the class die alone? */
    record Alone(String className) implements Purpose {}

    /** Does the class die alone? Then the {@code rest} classes not yet run, in the same fork. */
    record AloneThenRest(String className, int rest) implements Purpose {}

    /**
     * Does the class die alone? Then the {@code rest} classes not yet run, after the {@code carried} classes that the
     * suite with the culprits found so far fixed runs before them.
     */
    record AloneThenCarriedRest(String className, int carried, int rest) implements Purpose {}

    /**
     * The {@code rest} classes not yet run after {@code after}, after the {@code carried} classes that the suite with
     * the culprits found so far fixed runs before them.
     */
    record CarriedRest(String after, int carried, int rest) implements Purpose {}

    /**
     * {@code from} and the {@code rest} classes after it once more, after the {@code carried} classes that the suite
     * with the culprits found so far fixed runs before it: it failed where classes since excluded had run.
     */
    record Again(String from, int carried, int rest) implements Purpose {}

    /** Batch {@code number} of {@code of} (1-based). */
    record Batch(int number, int of) implements Purpose {}

    /** Class {@code number} of {@code of}, alone (1-based). */
    record Isolated(int number, int of) implements Purpose {}

    /** Confirmation run {@code number} of {@code of} of the verdict on {@code victim}. */
    record Confirm(String victim, int number, int of) implements Purpose {}

    /**
     * Not run by memprobe: fork {@code fork} of the project's own run, as the recording of {@code execution} saw it
     * ({@code surefire:test (default-test)}), with {@code classes} classes. The recording's report has one per fork;
     * {@code memprobe.from} answers a bisect's first probe with one.
     */
    record Recorded(String execution, String fork, int classes) implements Purpose {}

    /** Do these classes, run before the victim, make it die? */
    record Pollutes(List<String> polluters, String victim) implements Purpose {

        public Pollutes {
            polluters = List.copyOf(polluters);
        }
    }
}
