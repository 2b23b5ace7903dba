package dev.memprobe.recorder;

/**
 * The name of a recorded fork's journal, {@code fork<number>-pid<pid>-<start>.jsonl}: the fork number repeats when
 * Surefire starts a JVM per test class ({@code reuseForks=false}), the process id and the JVM's start time do not, so
 * no fork overwrites another's journal.
 */
public final class JournalName {

    public static final String SUFFIX = ".jsonl";

    private final String fork;
    private final long pid;
    private final long start;

    public JournalName(String fork, long pid, long start) {
        this.fork = fork;
        this.pid = pid;
        this.start = start;
    }

    /** The name of a journal file, or null when {@code fileName} is not one. */
    public static JournalName parse(String fileName) {
        if (!fileName.startsWith("fork") || !fileName.endsWith(SUFFIX)) {
            return null;
        }
        String body = fileName.substring("fork".length(), fileName.length() - SUFFIX.length());
        int pidAt = body.indexOf("-pid");
        int startAt = body.lastIndexOf('-');
        if (pidAt < 0 || startAt <= pidAt) {
            return null;
        }
        try {
            return new JournalName(
                    body.substring(0, pidAt),
                    Long.parseLong(body.substring(pidAt + "-pid".length(), startAt)),
                    Long.parseLong(body.substring(startAt + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Surefire's fork number, {@code 0} when it was not known. */
    public String fork() {
        return fork;
    }

    public long pid() {
        return pid;
    }

    /** When the fork's JVM started, epoch ms. */
    public long start() {
        return start;
    }

    public String fileName() {
        return "fork" + fork + "-pid" + pid + "-" + start + SUFFIX;
    }

    @Override
    public String toString() {
        return fileName();
    }
}
