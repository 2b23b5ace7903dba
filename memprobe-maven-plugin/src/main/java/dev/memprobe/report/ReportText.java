package dev.memprobe.report;

import dev.memprobe.bisect.Cause;
import dev.memprobe.names.ClassNames;

/**
 * How the reports name a test class and a cause for a person: a class by its simple name, a cause id
 * ({@code heap-oom}) by its description ({@code heap OutOfMemoryError}).
 */
public final class ReportText {

    private ReportText() {}

    /** The part of a class name after the last dot; {@code the class} when there is none. */
    public static String simple(String className) {
        return className == null ? "the class" : ClassNames.simple(className);
    }

    /** The description of a cause id; an id this version does not know, as it is. */
    public static String cause(String causeId) {
        return Cause.fromId(causeId).map(Cause::description).orElse(causeId);
    }
}
