package dev.memprobe.check;

/**
 * One reason the check fails, as a sentence with the numbers: "com.acme.ImportTest held 612 MiB after GC (budget
 * 512 MiB, memprobe.budget)".
 *
 * @param className the class it is about (the victim, for a culprit)
 */
public record Offence(Kind kind, String className, String message) {

    /** What was broken. */
    public enum Kind {
        /** The report names a culprit. */
        CULPRIT,
        /** A class used more than its budget. */
        BUDGET,
        /** A class grew more than allowed against the baseline. */
        GROWTH
    }
}
