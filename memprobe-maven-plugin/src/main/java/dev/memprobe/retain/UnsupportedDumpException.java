package dev.memprobe.retain;

/** A file the analyser cannot read: not an hprof heap dump, or one laid out as no HotSpot JVM writes them. */
final class UnsupportedDumpException extends RuntimeException {

    UnsupportedDumpException(String message) {
        super(message);
    }
}
