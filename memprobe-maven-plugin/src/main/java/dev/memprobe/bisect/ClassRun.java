package dev.memprobe.bisect;

/**
 * One test class in one fork.
 *
 * @param outcome how the class ended in that fork
 * @param problem for {@link Outcome#MEMORY_ERROR} and {@link Outcome#DIED}: the error or death, e.g.
 *     {@code java.lang.OutOfMemoryError: Java heap space}
 * @param method the test method the problem happened in, when one was running
 * @param memoryCause for {@link Outcome#MEMORY_ERROR}: which memory ran out (one of the memory causes, from the
 *     journal's classification of the error); null otherwise
 */
public record ClassRun(
        String name,
        Outcome outcome,
        int tests,
        int failures,
        int errors,
        int skipped,
        Measure measure,
        String problem,
        String method,
        Cause memoryCause) {

    public enum Outcome {
        /** Every test passed or was skipped. */
        PASSED("passed"),
        /** Tests failed or errored, none of memory: recorded, never blamed. */
        FAILED("failed"),
        /** A test failed with an OutOfMemoryError and the fork went on (JUnit 4 does that). */
        MEMORY_ERROR("memory-error"),
        /** The class was running when the fork died. */
        DIED("died");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public boolean isFailure() {
        return outcome == Outcome.MEMORY_ERROR || outcome == Outcome.DIED;
    }
}
