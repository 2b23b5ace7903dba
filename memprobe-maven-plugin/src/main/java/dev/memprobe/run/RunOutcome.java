package dev.memprobe.run;

import dev.memprobe.bisect.Verdict;
import dev.memprobe.report.Report;

/**
 * How a bisect ended: its verdict and report, when it got that far, and what the goal tells Maven.
 *
 * @param status what the goal tells Maven
 * @param message for {@link Status#FAILURE} and {@link Status#ERROR}: the one message the build fails with; null
 *     for {@link Status#SUCCESS}
 * @param cause for {@link Status#ERROR}: what went wrong, or null when the message says it all
 * @param report the report written, or null when the bisect stopped before it had one
 * @param verdict the search's verdict, or null when the bisect stopped before the search ended
 */
public record RunOutcome(Status status, String message, Throwable cause, Report report, Verdict verdict) {

    /** What the goal tells Maven. */
    public enum Status {
        /** memprobe did its job and nothing it checks failed: the build goes on. */
        SUCCESS,
        /** memprobe did its job and the project fails a check (a culprit, with failOnCulprit): a build failure. */
        FAILURE,
        /** memprobe could not do its job (configuration, nothing to run, I/O): a build error. */
        ERROR
    }

    static RunOutcome success(Report report, Verdict verdict) {
        return new RunOutcome(Status.SUCCESS, null, null, report, verdict);
    }

    static RunOutcome failure(String message, Report report, Verdict verdict) {
        return new RunOutcome(Status.FAILURE, message, null, report, verdict);
    }

    static RunOutcome error(String message, Throwable cause) {
        return new RunOutcome(Status.ERROR, message, cause, null, null);
    }

    static RunOutcome error(String message, Report report, Verdict verdict) {
        return new RunOutcome(Status.ERROR, message, null, report, verdict);
    }
}
