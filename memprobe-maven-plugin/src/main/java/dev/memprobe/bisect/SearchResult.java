package dev.memprobe.bisect;

import java.util.List;

/**
 * What the search found and every probe it ran.
 *
 * @param order the classes in the order CI runs them (as the first fork planned them)
 * @param ranking for cumulative deaths: classes by memory left behind, largest first
 */
public record SearchResult(
        Verdict verdict,
        List<Culprit> culprits,
        List<Finding> findings,
        List<ForkResult> probes,
        List<String> order,
        List<Growth.Score> ranking) {

    public SearchResult {
        culprits = List.copyOf(culprits);
        findings = List.copyOf(findings);
        probes = List.copyOf(probes);
        order = List.copyOf(order);
        ranking = List.copyOf(ranking);
    }
}
