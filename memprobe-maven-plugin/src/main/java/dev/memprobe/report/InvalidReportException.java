package dev.memprobe.report;

/** A report file that cannot be used; the message completes "The report ... cannot be used: ". */
public final class InvalidReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidReportException(String message) {
        super(message);
    }
}
