package dev.memprobe.report;

import dev.memprobe.bisect.Verdict;

/**
 * The verdict in a few words, as every report says it: {@link #text()} ({@code 3 culprits}, {@code no culprit},
 * {@code inconclusive}) opens the console summary, {@code report.md} and the page's title; {@link #banner()}
 * ({@code 3 culprits kill the test JVM}) is the same verdict as a sentence, for the top of {@code report.html}.
 */
public record Headline(String text, String banner) {

    public static Headline of(Report report) {
        int n = report.culprits().size();
        if (report.verdict().equals(Verdict.CULPRITS_FOUND.id())) {
            String count = n == 1 ? "1 culprit" : n + " culprits";
            return new Headline(count, count + (n == 1 ? " kills" : " kill") + " the test JVM");
        }
        if (report.verdict().equals(Verdict.NO_CULPRIT.id())) {
            return new Headline("no culprit", "No culprit: every class ran within the limits");
        }
        return new Headline("inconclusive", "Inconclusive");
    }
}
