package dev.memprobe.recorder;

/**
 * The contract between memprobe's build extension (in Maven's JVM) and the recorder (in each test JVM of the
 * project's own run): the system properties the extension adds to Surefire's or Failsafe's configuration, and the
 * name of each fork's journal. Both sides use this class, so a key cannot drift.
 */
public final class RecordOptions {

    /** The folder the fork writes its journal to; recording is off in a JVM without it. */
    public static final String DIR = "memprobe.record.dir";

    /** The fork's number among Surefire's forks ({@code n1}, {@code n2}, ...). */
    public static final String FORK = "memprobe.fork";

    /**
     * The value of {@link #FORK} in the plugin's configuration. Surefire replaces {@code ${surefire.forkNumber}} in
     * each fork; a value that is only the placeholder is evaluated by Maven to nothing first, so it is embedded.
     */
    public static final String FORK_VALUE = "n${surefire.forkNumber}";

    private RecordOptions() {}

    /** The fork number of a {@link #FORK} value: {@code n2} gives {@code 2}; blank or unreplaced gives {@code 0}. */
    public static String forkNumber(String value) {
        if (value == null) {
            return "0";
        }
        String digits = value.startsWith("n") ? value.substring(1) : value;
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return "0";
            }
        }
        return digits.isEmpty() ? "0" : digits;
    }
}
