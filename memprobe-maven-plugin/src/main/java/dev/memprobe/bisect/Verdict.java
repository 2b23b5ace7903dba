package dev.memprobe.bisect;

/** The answer in one word; the {@link #id()} is the {@code verdict} field of {@code report.json}. */
public enum Verdict {
    CULPRITS_FOUND("culprits-found"),
    NO_CULPRIT("no-culprit"),
    INCONCLUSIVE("inconclusive");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
